using System.Diagnostics;

namespace DominantColors.Outputs;

/// <summary>
/// The one thread that calls <see cref="DeadlineTimer"/>s on the system clock back: it sleeps until the earliest
/// deadline on the precise monotonic clock and runs the callbacks itself.
/// </summary>
/// <remarks>
/// A runtime timer costs more than its callback: the timer thread counts on the coarse clock, so it mostly wakes
/// two to four more times, a millisecond apart, before the clock agrees the time has come, and then hands the timer
/// queue to a pool thread, which wakes another. A timer armed only to be pushed back (a keep-alive, the watch for
/// frames that stop) still costs that wake when its old time comes. Here each deadline costs one wake of this thread.
/// Callbacks must be short and must not block: every deadline waits for them. Scheduling allocates nothing once the
/// list has grown to the number of timers.
/// </remarks>
internal sealed class DeadlineThread
{
    private static readonly Lazy<DeadlineThread> s_shared = new(() => new DeadlineThread());

    private readonly object _sync = new();
    private readonly List<(DeadlineTimer Timer, long Due)> _scheduled = [];
    private readonly List<DeadlineTimer> _firing = [];
    private long _sleepingUntil = long.MaxValue;

    private DeadlineThread()
    {
        new Thread(Run) { IsBackground = true, Name = "deadlines" }.Start();
    }

    public static DeadlineThread Shared => s_shared.Value;

    /// <summary>Calls <paramref name="timer"/>'s <see cref="DeadlineTimer.Fire"/> at <paramref name="due"/> (a <see cref="Stopwatch"/> timestamp) instead of when set before.</summary>
    public void Schedule(DeadlineTimer timer, long due)
    {
        lock (_sync)
        {
            var index = IndexOf(timer);
            if (index < 0)
            {
                _scheduled.Add((timer, due));
            }
            else
            {
                _scheduled[index] = (timer, due);
            }

            if (due < _sleepingUntil)
            {
                Monitor.Pulse(_sync);
            }
        }
    }

    /// <summary>Forgets <paramref name="timer"/>'s deadline, if it has one.</summary>
    public void Cancel(DeadlineTimer timer)
    {
        lock (_sync)
        {
            var index = IndexOf(timer);
            if (index >= 0)
            {
                _scheduled.RemoveAt(index);
            }
        }
    }

    private int IndexOf(DeadlineTimer timer)
    {
        for (var i = 0; i < _scheduled.Count; i++)
        {
            if (ReferenceEquals(_scheduled[i].Timer, timer))
            {
                return i;
            }
        }

        return -1;
    }

    // Hot loop, allocation-free: take what is due, else sleep until the earliest deadline (or a new earlier one).
    private void Run()
    {
        while (true)
        {
            lock (_sync)
            {
                while (true)
                {
                    var now = Stopwatch.GetTimestamp();
                    var earliest = long.MaxValue;
                    for (var i = _scheduled.Count - 1; i >= 0; i--)
                    {
                        var (timer, due) = _scheduled[i];
                        if (due <= now)
                        {
                            _firing.Add(timer);
                            _scheduled.RemoveAt(i);
                        }
                        else
                        {
                            earliest = Math.Min(earliest, due);
                        }
                    }

                    if (_firing.Count > 0)
                    {
                        // Running callbacks: a deadline set meanwhile is seen on the next pass, no pulse needed.
                        _sleepingUntil = long.MinValue;
                        break;
                    }

                    _sleepingUntil = earliest;
                    Monitor.Wait(_sync, earliest == long.MaxValue ? Timeout.Infinite : Milliseconds(earliest - now));
                }
            }

            // As with a runtime timer, a callback that throws ends the process: the timers' owners catch their own faults.
            foreach (var timer in _firing)
            {
                timer.Fire();
            }

            _firing.Clear();
        }
    }

    /// <summary>Whole milliseconds, rounded up, so the wait never ends before the deadline.</summary>
    private static int Milliseconds(long ticks) =>
        (int)Math.Clamp(Math.Ceiling(ticks * 1000.0 / Stopwatch.Frequency), 1, int.MaxValue);
}
