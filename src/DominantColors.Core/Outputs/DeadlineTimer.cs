namespace DominantColors.Outputs;

/// <summary>
/// A one-shot timer for a deadline that mostly moves later before it comes: a keep-alive pushed back by every send,
/// a watch for frames that stop pushed back by every frame. It calls back once the deadline has passed, and does not
/// fire while the deadline keeps moving on.
/// </summary>
/// <remarks>
/// Changing a timer to a later time is cheap, but firing is not: each firing wakes the runtime's timer thread and a
/// pool thread. So <see cref="Set"/> changes the timer only when it must fire earlier than armed, or when the armed
/// time has come nearer than three quarters of the way to the deadline (a change every quarter of the deadline's
/// distance while it moves, none per call); while the deadline keeps moving, nothing fires. A timer that fires before
/// the deadline (a deadline moved later since it was armed) arms itself for the rest. On the system clock the timer is
/// the <see cref="DeadlineThread"/>'s, one wake per firing on the precise clock, and the callback runs on that thread:
/// it must be short and must not block. On any other clock (fake time in tests) it is the clock's own timer. Thread-safe;
/// the callback runs outside the timer's lock; allocates nothing once warm.
/// </remarks>
public sealed class DeadlineTimer : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Action<object?> _callback;
    private readonly object? _state;
    private readonly ITimer? _timer;
    private readonly DeadlineThread? _thread;
    private readonly Lock _gate = new();
    private long _due = long.MaxValue;
    private long _armed = long.MaxValue;
    private bool _disposed;

    /// <param name="timeProvider">The clock the deadlines are read on (<see cref="TimeProvider.GetTimestamp"/>).</param>
    /// <param name="callback">Called once the deadline set last has passed.</param>
    /// <param name="state">Handed to <paramref name="callback"/>.</param>
    public DeadlineTimer(TimeProvider timeProvider, Action<object?> callback, object? state)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(callback);
        _time = timeProvider;
        _callback = callback;
        _state = state;
        if (ReferenceEquals(timeProvider, TimeProvider.System))
        {
            _thread = DeadlineThread.Shared;
        }
        else
        {
            _timer = timeProvider.CreateTimer(static self => ((DeadlineTimer)self!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The deadline set last (a timestamp of the clock); <see cref="long.MaxValue"/>: none.</summary>
    public long Due
    {
        get
        {
            lock (_gate)
            {
                return _due;
            }
        }
    }

    /// <summary>
    /// Calls back at <paramref name="due"/> (a timestamp of the clock; <see cref="long.MaxValue"/>: not at all) instead
    /// of at the deadline set before. <paramref name="now"/> is the clock's current timestamp, which the caller has.
    /// </summary>
    public void Set(long due, long now)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _due = due;
            if (due == long.MaxValue)
            {
                // Left armed: it fires once, finds nothing due and stays quiet.
                return;
            }

            if (due < _armed || (_armed != long.MaxValue && _armed - now < (due - now) / 4 * 3))
            {
                Arm(due);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _due = long.MaxValue;
        }

        _timer?.Dispose();
        _thread?.Cancel(this);
    }

    /// <summary>
    /// Under the lock: arms the timer for <paramref name="due"/>. The delay is counted from the clock as it reads now (not
    /// the caller's <c>now</c>, which may be a moment old), so the deadline holds.
    /// </summary>
    private void Arm(long due)
    {
        _armed = due;
        if (_thread is not null)
        {
            _thread.Schedule(this, due);
            return;
        }

        var now = _time.GetTimestamp();
        _timer!.Change(_time.GetElapsedTime(now, Math.Max(due, now + 1)), Timeout.InfiniteTimeSpan);
    }

    /// <summary>The armed time has come: calls back if the deadline has passed, else arms for it.</summary>
    internal void Fire()
    {
        lock (_gate)
        {
            _armed = long.MaxValue;
            if (_due == long.MaxValue || _disposed)
            {
                return;
            }

            if (_due > _time.GetTimestamp())
            {
                Arm(_due);
                return;
            }

            _due = long.MaxValue;
        }

        _callback(_state);
    }
}
