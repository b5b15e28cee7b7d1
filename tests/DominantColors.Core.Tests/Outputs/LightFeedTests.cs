using DominantColors.Colors;
using DominantColors.Outputs;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Core.Tests.Outputs;

public sealed class LightFeedTests
{
    private static readonly Rgb24 Red = new(255, 0, 0);
    private static readonly Rgb24 Blue = new(0, 0, 255);

    [Fact]
    public void CopyLatest_AfterTwoPublishes_ReturnsOnlyTheLatest()
    {
        using var feed = new LightFeed(["tv"]);
        feed.Publish([Red], 1);
        feed.Publish([Blue], 2);

        var colors = new Rgb24[1];
        var version = feed.CopyLatest(colors, out var timestamp);

        Assert.Equal(2, version);
        Assert.Equal(2, timestamp);
        Assert.Equal(Blue, colors[0]);
    }

    [Fact]
    public async Task WaitForNewerAsync_PublishedLater_Completes()
    {
        using var feed = new LightFeed(["tv"]);
        var wait = feed.WaitForNewerAsync(0, CancellationToken.None).AsTask();
        Assert.False(wait.IsCompleted);

        feed.Publish([Red], 1);

        await wait.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
    }

    [Fact]
    public async Task WaitForNewerAsync_NothingBeforeTheDeadline_ReturnsFalseAtIt()
    {
        var time = new FakeTimeProvider();
        using var feed = new LightFeed(["tv"]);
        var wait = feed.WaitForNewerAsync(0, TimeSpan.FromSeconds(1), time, CancellationToken.None).AsTask();

        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(wait.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(await wait.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
    }

    [Fact]
    public async Task WaitForNewerAsync_PublishedBeforeTheDeadline_ReturnsTrueAndTheTimerNoLongerFires()
    {
        var time = new FakeTimeProvider();
        using var feed = new LightFeed(["tv"]);
        var first = feed.WaitForNewerAsync(0, TimeSpan.FromSeconds(1), time, CancellationToken.None).AsTask();
        feed.Publish([Red], 1);
        Assert.True(await first.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None));

        // The next wait has no deadline: the first wait's timer must not end it.
        var second = feed.WaitForNewerAsync(1, Timeout.InfiniteTimeSpan, time, CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted);
        feed.Publish([Blue], 2);

        Assert.True(await second.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
    }

    [Theory]
    [InlineData(1000, 500)] // the timer is still armed for the first wait's deadline, before this one's
    [InlineData(5000, 0)] // the timer is armed for the first wait's deadline, after this one's
    public async Task WaitForNewerAsync_DeadlineOtherThanTheWaitBefore_ReturnsFalseAtItsOwnDeadline(int firstTimeoutMs, int publishAfterMs)
    {
        var time = new FakeTimeProvider();
        using var feed = new LightFeed(["tv"]);
        var first = feed.WaitForNewerAsync(0, TimeSpan.FromMilliseconds(firstTimeoutMs), time, CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(publishAfterMs));
        feed.Publish([Red], 1);
        Assert.True(await first.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None));

        var second = feed.WaitForNewerAsync(1, TimeSpan.FromSeconds(1), time, CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(await second.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
    }

    [Fact]
    public async Task Publish_InlineFeed_RunsTheReaderToItsNextWaitOnThePublishingThread()
    {
        using var feed = new LightFeed(["tv"], inline: true);
        var resumedOn = new List<int>();
        var reader = ReadTwiceAsync();
        Assert.Empty(resumedOn);

        feed.Publish([Red], 1);
        Assert.Equal([Environment.CurrentManagedThreadId], resumedOn);
        Assert.False(reader.IsCompleted);
        feed.Publish([Blue], 2);

        Assert.True(reader.IsCompletedSuccessfully);
        Assert.Equal([Environment.CurrentManagedThreadId, Environment.CurrentManagedThreadId], resumedOn);
        await reader;

        async Task ReadTwiceAsync()
        {
            for (var seen = 0L; seen < 2; seen++)
            {
                // As the sinks do: without the test framework's context, which would post the continuation elsewhere.
                await feed.WaitForNewerAsync(seen, CancellationToken.None).ConfigureAwait(false);
                resumedOn.Add(Environment.CurrentManagedThreadId);
            }
        }
    }

    [Fact]
    public async Task Publish_InlineReaderThrowsOrWaitsOnSomethingElse_PublishReturnsAndTheFaultStaysInTheReader()
    {
        using var throwingFeed = new LightFeed(["tv"], inline: true);
        using var waitingFeed = new LightFeed(["tv"], inline: true);
        var connection = new TaskCompletionSource();
        var throwing = ThrowAfterWaitAsync();
        var waiting = WaitOnConnectionAsync();

        throwingFeed.Publish([Red], 1);
        waitingFeed.Publish([Red], 1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => throwing);
        Assert.False(waiting.IsCompleted);
        connection.SetResult();
        await waiting;

        async Task ThrowAfterWaitAsync()
        {
            await throwingFeed.WaitForNewerAsync(0, CancellationToken.None).ConfigureAwait(false);
            throw new InvalidOperationException("sink failed");
        }

        async Task WaitOnConnectionAsync()
        {
            await waitingFeed.WaitForNewerAsync(0, CancellationToken.None).ConfigureAwait(false);
            await connection.Task.ConfigureAwait(false);
        }
    }

    [Fact]
    public async Task WaitForNewerAsync_Cancelled_ThrowsAndTheNextWaitWorks()
    {
        using var feed = new LightFeed(["tv"]);
        using var cancel = new CancellationTokenSource();
        var wait = feed.WaitForNewerAsync(0, Timeout.InfiniteTimeSpan, TimeProvider.System, cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        var next = feed.WaitForNewerAsync(0, CancellationToken.None).AsTask();
        feed.Publish([Red], 1);
        await next.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
    }

    [Fact]
    public void Publish_WrongCount_Throws()
    {
        using var feed = new LightFeed(["left", "right"]);

        Assert.Throws<ArgumentException>(() => feed.Publish([Red], 0));
    }
}
