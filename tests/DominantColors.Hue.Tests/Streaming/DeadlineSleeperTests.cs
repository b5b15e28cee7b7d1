using System.Diagnostics;
using DominantColors.Hue.Streaming;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Hue.Tests.Streaming;

public sealed class DeadlineSleeperTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SleepUntil_FakeClock_ReturnsOnlyOnceTheClockReachesTheDeadline()
    {
        var time = new FakeTimeProvider();
        using var stop = new ManualResetEvent(false);
        using var sleeper = new DeadlineSleeper(time, stop);
        var deadline = time.GetTimestamp() + (time.TimestampFrequency / 50);

        var sleeping = Task.Factory.StartNew(() => sleeper.SleepUntil(deadline), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        time.Advance(TimeSpan.FromMilliseconds(19));
        Assert.False(sleeping.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(await sleeping.WaitAsync(Wait));
        Assert.True(time.GetTimestamp() >= deadline);
    }

    [Fact]
    public async Task SleepUntil_StopSet_ReturnsFalseBeforeTheDeadline()
    {
        var time = new FakeTimeProvider();
        using var stop = new ManualResetEvent(false);
        using var sleeper = new DeadlineSleeper(time, stop);
        var deadline = time.GetTimestamp() + time.TimestampFrequency;

        var sleeping = Task.Factory.StartNew(() => sleeper.SleepUntil(deadline), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        stop.Set();

        Assert.False(await sleeping.WaitAsync(Wait));
    }

    [Fact]
    public void SleepUntil_PastDeadline_ReturnsAtOnce()
    {
        var time = new FakeTimeProvider();
        using var stop = new ManualResetEvent(false);
        using var sleeper = new DeadlineSleeper(time, stop);

        Assert.True(sleeper.SleepUntil(time.GetTimestamp() - 1));
    }

    [Fact]
    public void SleepUntil_SystemClock_NeverWakesEarly()
    {
        using var stop = new ManualResetEvent(false);
        using var sleeper = new DeadlineSleeper(TimeProvider.System, stop);
        var start = Stopwatch.GetTimestamp();
        for (var n = 1; n <= 10; n++)
        {
            var deadline = start + (n * Stopwatch.Frequency / 200);
            Assert.True(sleeper.SleepUntil(deadline));
            Assert.True(Stopwatch.GetTimestamp() >= deadline);
        }
    }
}
