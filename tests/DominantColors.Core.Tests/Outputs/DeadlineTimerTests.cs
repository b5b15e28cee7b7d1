using System.Diagnostics;
using DominantColors.Outputs;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Core.Tests.Outputs;

public sealed class DeadlineTimerTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(33);

    [Fact]
    public void Set_DeadlinePasses_CallsBackOnceAtIt()
    {
        var time = new ChangeCountingTimeProvider();
        var calls = 0;
        using var timer = new DeadlineTimer(time, _ => calls++, null);

        timer.Set(At(time, Grace), time.GetTimestamp());
        time.Advance(Grace - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, calls);

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, calls);

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, calls);
        Assert.Equal(long.MaxValue, timer.Due);
    }

    [Fact]
    public void Set_PushedBackByEveryFrame_TimerNeverFiresAndIsChangedOnlyEveryQuarterGrace()
    {
        // As the analysis loop and a keep-alive use it: every frame moves the deadline a grace past itself.
        var time = new ChangeCountingTimeProvider();
        var calls = 0;
        using var timer = new DeadlineTimer(time, _ => calls++, null);

        const int Frames = 300;
        for (var i = 0; i < Frames; i++)
        {
            timer.Set(At(time, Grace), time.GetTimestamp());
            time.Advance(FrameInterval);
        }

        Assert.Equal(0, calls);
        Assert.Equal(0, time.Firings);

        // 10 s of frames: a change when first armed, then about one per quarter grace, not one per frame.
        var elapsed = FrameInterval * Frames;
        Assert.InRange(time.Changes, 1, (int)(elapsed / (Grace / 4)) + 2);
    }

    [Fact]
    public void Set_FramesStop_FiresOnceAGraceAfterTheLast()
    {
        var time = new ChangeCountingTimeProvider();
        var firedAt = new List<TimeSpan>();
        var start = time.GetTimestamp();
        using var timer = new DeadlineTimer(time, _ => firedAt.Add(time.GetElapsedTime(start)), null);
        for (var i = 0; i < 100; i++)
        {
            timer.Set(At(time, Grace), time.GetTimestamp());
            time.Advance(FrameInterval);
        }

        var lastFrame = FrameInterval * 99;
        StepBy(time, TimeSpan.FromSeconds(2));

        Assert.Equal([lastFrame + Grace], firedAt);
    }

    [Fact]
    public void Set_EarlierThanArmed_FiresAtTheEarlierDeadline()
    {
        var time = new ChangeCountingTimeProvider();
        var start = time.GetTimestamp();
        var firedAt = new List<TimeSpan>();
        using var timer = new DeadlineTimer(time, _ => firedAt.Add(time.GetElapsedTime(start)), null);

        timer.Set(At(time, TimeSpan.FromSeconds(10)), time.GetTimestamp());
        timer.Set(At(time, TimeSpan.FromMilliseconds(100)), time.GetTimestamp());
        StepBy(time, TimeSpan.FromSeconds(20));

        Assert.Equal([TimeSpan.FromMilliseconds(100)], firedAt);
    }

    [Fact]
    public void Set_NoDeadline_NeverCallsBack()
    {
        var time = new ChangeCountingTimeProvider();
        var calls = 0;
        using var timer = new DeadlineTimer(time, _ => calls++, null);

        timer.Set(At(time, Grace), time.GetTimestamp());
        timer.Set(long.MaxValue, time.GetTimestamp());
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, calls);
    }

    [Fact]
    public void Dispose_WithADeadlineSet_NeverCallsBack()
    {
        var time = new ChangeCountingTimeProvider();
        var calls = 0;
        var timer = new DeadlineTimer(time, _ => calls++, null);

        timer.Set(At(time, Grace), time.GetTimestamp());
        timer.Dispose();
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, calls);
    }

    /// <summary>Moves fake time on a millisecond at a time: a callback reads the clock at the step it fired in.</summary>
    private static void StepBy(FakeTimeProvider time, TimeSpan span)
    {
        for (var i = 0; i < span.TotalMilliseconds; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
        }
    }

    [Fact]
    public async Task Set_SystemClock_CallsBackOnTheDeadlineThreadOnceTheDeadlineHasPassed()
    {
        var fired = new TaskCompletionSource<(long At, string? Thread)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = new DeadlineTimer(TimeProvider.System, _ => fired.TrySetResult((Stopwatch.GetTimestamp(), Thread.CurrentThread.Name)), null);
        var now = Stopwatch.GetTimestamp();
        var due = now + (Stopwatch.Frequency / 20);

        // Far first, then earlier: the earlier deadline must wake the sleeping thread.
        timer.Set(now + (Stopwatch.Frequency * 60), now);
        timer.Set(due, now);
        var (at, thread) = await fired.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(at >= due, $"called back {(due - at) * 1000.0 / Stopwatch.Frequency:F2} ms before the deadline");
        Assert.Equal("deadlines", thread);
    }

    [Fact]
    public async Task Set_SystemClockPushedBackThenLeft_CallsBackOnceAfterTheLastDeadline()
    {
        var calls = new List<long>();
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = new DeadlineTimer(TimeProvider.System, _ =>
        {
            lock (calls)
            {
                calls.Add(Stopwatch.GetTimestamp());
            }

            fired.TrySetResult();
        }, null);

        // Pushed back 3 s past each of 20 steps 10 ms apart: the test thread would have to stall for 3 s to see it fire.
        var distance = Stopwatch.Frequency * 3;
        long last = 0;
        for (var i = 0; i < 20; i++)
        {
            var now = Stopwatch.GetTimestamp();
            last = now + distance;
            timer.Set(last, now);
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }

        await fired.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromMilliseconds(100));

        lock (calls)
        {
            var at = Assert.Single(calls);
            Assert.True(at >= last, "called back before the last deadline");
        }
    }

    private static long At(TimeProvider time, TimeSpan from) =>
        time.GetTimestamp() + (long)(from.TotalSeconds * time.TimestampFrequency);

    /// <summary>
    /// Fake time that counts how often its timers are changed (the timer queue touched) and how often they fire (on the
    /// system clock, a wake of the timer thread and of a pool thread each).
    /// </summary>
    private sealed class ChangeCountingTimeProvider : FakeTimeProvider
    {
        public int Changes { get; private set; }

        public int Firings { get; private set; }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            new Counting(base.CreateTimer(s => { Firings++; callback(s); }, state, dueTime, period), this);

        private sealed class Counting(ITimer inner, ChangeCountingTimeProvider owner) : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                owner.Changes++;
                return inner.Change(dueTime, period);
            }

            public void Dispose() => inner.Dispose();

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
