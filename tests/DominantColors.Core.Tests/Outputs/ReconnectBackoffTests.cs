using DominantColors.Outputs;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Core.Tests.Outputs;

public sealed class ReconnectBackoffTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Fail_Repeatedly_DelaysDoubleUpToTheCap()
    {
        var backoff = new ReconnectBackoff(Second, TimeSpan.FromSeconds(5), new FakeTimeProvider());

        var delays = Enumerable.Range(0, 5).Select(_ => backoff.Fail("refused").TotalSeconds).ToArray();

        Assert.Equal([1, 2, 4, 5, 5], delays);
        Assert.Equal(5, backoff.Failures);
    }

    [Fact]
    public void Fail_WithJitter_SpreadsEachDelayWithinTheFraction()
    {
        var backoff = new ReconnectBackoff(Second, TimeSpan.FromSeconds(30), new FakeTimeProvider(), jitter: 0.2);
        var delays = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            delays.Add(backoff.Fail("refused").TotalSeconds);
            backoff.Reset();
        }

        Assert.All(delays, d => Assert.InRange(d, 0.8, 1.2));
        Assert.True(delays.Distinct().Count() > 1, "the delays were not spread");
    }

    [Fact]
    public void Fail_PeerRequestedADelay_ReturnsItAndTheBackoffStillGrows()
    {
        var backoff = new ReconnectBackoff(Second, TimeSpan.FromSeconds(30), new FakeTimeProvider());

        var requested = backoff.Fail("busy", null, TimeSpan.FromSeconds(7));
        var next = backoff.Fail("busy");

        Assert.Equal(TimeSpan.FromSeconds(7), requested);
        Assert.Equal(TimeSpan.FromSeconds(2), next);
    }

    [Fact]
    public void Fail_ThreeTimesInOneEpisode_ReportsTheFirstOnceWithItsDelayAndTheRestAsRepeated()
    {
        var first = new List<RetryFailure>();
        var repeated = new List<RetryFailure>();
        var error = new IOException("gone");
        var backoff = new ReconnectBackoff(Second, TimeSpan.FromSeconds(30), new FakeTimeProvider())
        {
            FirstFailure = first.Add,
            RepeatedFailure = repeated.Add,
        };

        backoff.Fail(error);
        backoff.Fail(error);
        backoff.Fail("still gone");

        var reported = Assert.Single(first);
        Assert.Equal(new RetryFailure("gone", error, Second, 1), reported);
        Assert.Equal([2, 3], repeated.Select(f => f.Attempt));
        Assert.Equal([2.0, 4.0], repeated.Select(f => f.Delay.TotalSeconds));
        Assert.Equal("still gone", repeated[1].Reason);
    }

    [Fact]
    public void Succeed_AfterFailures_ReportsTheRecoveryOnceAndStartsAFreshEpisode()
    {
        var recovered = new List<int>();
        var first = 0;
        var backoff = new ReconnectBackoff(Second, TimeSpan.FromSeconds(30), new FakeTimeProvider())
        {
            FirstFailure = _ => first++,
            Recovered = recovered.Add,
        };
        backoff.Fail("refused");
        backoff.Fail("refused");
        backoff.Fail("refused");

        backoff.Succeed();
        backoff.Succeed();
        var delay = backoff.Fail("refused");

        Assert.Equal([3], recovered);
        Assert.Equal(Second, delay);
        Assert.Equal(2, first);
        Assert.True(backoff.IsBackingOff);
    }

    [Fact]
    public void Succeed_WithoutAFailure_ReportsNothing()
    {
        var recovered = new List<int>();
        var backoff = new ReconnectBackoff(Second, TimeSpan.FromSeconds(30), new FakeTimeProvider()) { Recovered = recovered.Add };

        backoff.Succeed();

        Assert.Empty(recovered);
        Assert.False(backoff.IsBackingOff);
    }

    [Fact]
    public void Reset_AfterFailures_StartsOverWithoutReportingARecovery()
    {
        var recovered = new List<int>();
        var backoff = new ReconnectBackoff(Second, TimeSpan.FromSeconds(30), new FakeTimeProvider()) { Recovered = recovered.Add };
        backoff.Fail("refused");
        backoff.Fail("refused");

        backoff.Reset();

        Assert.Empty(recovered);
        Assert.Equal(0, backoff.Failures);
        Assert.Equal(Second, backoff.Fail("refused"));
    }

    [Fact]
    public async Task WaitAsync_OnFakeTime_CompletesWhenTheDelayHasPassed()
    {
        var time = new FakeTimeProvider();
        var backoff = new ReconnectBackoff(Second, TimeSpan.FromSeconds(30), time);

        var wait = backoff.WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1.5));
        var early = wait.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(0.5));

        Assert.False(early);
        Assert.True(await wait.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None));
    }

    [Fact]
    public async Task FailAndWaitAsync_Cancelled_ReturnsFalseWithoutTimePassing()
    {
        var backoff = new ReconnectBackoff(Second, TimeSpan.FromSeconds(30), new FakeTimeProvider());
        using var stop = new CancellationTokenSource();

        var wait = backoff.FailAndWaitAsync(new IOException("gone"), stop.Token);
        await stop.CancelAsync();

        Assert.False(await wait.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None));
        Assert.Equal(1, backoff.Failures);
    }

    [Theory]
    [InlineData(0, 30, 0)]
    [InlineData(2, 1, 0)]
    [InlineData(1, 30, 1.5)]
    public void Constructor_BadDelaysOrJitter_Throws(double first, double max, double jitter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new ReconnectBackoff(TimeSpan.FromSeconds(first), TimeSpan.FromSeconds(max), new FakeTimeProvider(), jitter));
    }
}
