using DominantColors.Hue.Streaming.Native;

namespace DominantColors.Hue.Streaming;

/// <summary>
/// Blocks a dedicated thread until an absolute <see cref="TimeProvider"/> timestamp, or until <c>stop</c> is set.
/// On the system clock it waits on <c>stop</c> for all but the last couple of milliseconds (so stopping is prompt),
/// then sleeps precisely to the deadline (<see cref="MonotonicClock"/> on Linux, yielding elsewhere). On any other
/// clock (fake time in tests) it waits for that clock's own timer. Reuses one timer and event: nothing allocates per wait.
/// </summary>
internal sealed class DeadlineSleeper : IDisposable
{
    /// <summary>How much of a wait is left to the precise sleep: a managed wait may be up to ~1 ms late.</summary>
    private const long PreciseTailMilliseconds = 2;

    private readonly TimeProvider _time;
    private readonly WaitHandle _stop;
    private readonly bool _systemClock;
    private readonly bool _native;
    private readonly ManualResetEvent? _due;
    private readonly ITimer? _timer;
    private readonly WaitHandle[]? _handles;

    public DeadlineSleeper(TimeProvider time, WaitHandle stop)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _stop = stop ?? throw new ArgumentNullException(nameof(stop));
        _systemClock = ReferenceEquals(time, TimeProvider.System);
        _native = _systemClock && MonotonicClock.IsAvailable;
        if (!_systemClock)
        {
            _due = new ManualResetEvent(false);
            _timer = time.CreateTimer(static s => ((ManualResetEvent)s!).Set(), _due, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _handles = [stop, _due];
        }
    }

    /// <summary>Returns true at (or just after) <paramref name="deadline"/>, false as soon as stop is set.</summary>
    public bool SleepUntil(long deadline) => _systemClock ? SleepOnSystemClock(deadline) : SleepOnOtherClock(deadline);

    public void Dispose()
    {
        _timer?.Dispose();
        _due?.Dispose();
    }

    private bool SleepOnSystemClock(long deadline)
    {
        var frequency = _time.TimestampFrequency;
        while (true)
        {
            var remaining = deadline - _time.GetTimestamp();
            if (remaining <= 0)
            {
                return !_stop.WaitOne(0);
            }

            var milliseconds = remaining * 1000 / frequency;
            if (milliseconds > PreciseTailMilliseconds)
            {
                if (_stop.WaitOne((int)(milliseconds - PreciseTailMilliseconds)))
                {
                    return false;
                }

                continue;
            }

            if (_native && MonotonicClock.SleepUntil(deadline))
            {
                continue;
            }

            // No precise sleep here: give the core away until the deadline passes.
            Thread.Yield();
        }
    }

    private bool SleepOnOtherClock(long deadline)
    {
        while (true)
        {
            var now = _time.GetTimestamp();
            var remaining = deadline - now;
            if (remaining <= 0)
            {
                return !_stop.WaitOne(0);
            }

            _due!.Reset();
            // Rounded up, so the timer never fires before the deadline.
            var ticks = (long)Math.Ceiling((double)remaining * TimeSpan.TicksPerSecond / _time.TimestampFrequency);
            _timer!.Change(TimeSpan.FromTicks(ticks), Timeout.InfiniteTimeSpan);
            if (_time.GetTimestamp() != now)
            {
                // The clock moved between the reading and the arming: the timer counts from the later time and would
                // fire past the deadline (or never, if the clock does not move again). Arm it again from the new time.
                continue;
            }

            if (WaitHandle.WaitAny(_handles!) == 0)
            {
                return false;
            }
        }
    }
}
