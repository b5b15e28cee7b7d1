using System.Threading.Tasks.Sources;
using DominantColors.Colors;

namespace DominantColors.Outputs;

/// <summary>
/// The latest colors for the lights one sink drives: a latest-wins slot between the pipeline and that sink.
/// The pipeline publishes what changed; the sink reads whenever it is ready, so a slow sink skips stale colors
/// instead of queuing them, and never slows the pipeline. Publishing copies into a fixed buffer, and waiting (with or
/// without a deadline) reuses one waiter and one timer: neither allocates once warm. The timer is not re-armed per
/// wait: one armed for an earlier deadline is left alone and, when it fires early, armed for the rest, so a sink that
/// waits with a keep-alive deadline between frames costs one timer firing per deadline, not two timer changes a frame.
/// </summary>
/// <remarks>
/// One reader at a time (the sink's loop). The reader's continuation runs on the thread pool, never on the
/// publishing thread, so a sink that blocks cannot hold up the pipeline; except for a feed made for a sink that sends
/// inline (<see cref="IColorSink.SendsInline"/>), whose continuation runs on the publishing thread up to the sink's
/// next wait: no thread is woken per frame, and what the sink throws ends in its own task, never in
/// <see cref="Publish"/>.
/// </remarks>
public sealed class LightFeed : IDisposable, IValueTaskSource<bool>, IValueTaskSource
{
    private readonly Lock _gate = new();
    private readonly Rgb24[] _colors;
    private ManualResetValueTaskSourceCore<bool> _waiter;
    private long _version;
    private long _timestamp;
    private bool _waiting;
    private long _waitingFor;
    private long _deadline;
    private bool _timerArmed;
    private long _timerDue = long.MaxValue;
    private ITimer? _timer;
    private TimeProvider? _timerClock;
    private CancellationToken _waitToken;
    private CancellationTokenRegistration _registration;
    private bool _disposed;

    /// <param name="lightNames">The lights of this sink, in the order of the colors published.</param>
    public LightFeed(IReadOnlyList<string> lightNames)
        : this(lightNames, inline: false)
    {
    }

    /// <param name="lightNames">The lights of this sink, in the order of the colors published.</param>
    /// <param name="inline">
    /// Resume the waiting reader on the thread that publishes (or whose deadline fires) instead of the thread pool:
    /// only for a sink that never blocks before its next wait (see <see cref="IColorSink.SendsInline"/>).
    /// </param>
    public LightFeed(IReadOnlyList<string> lightNames, bool inline)
    {
        ArgumentNullException.ThrowIfNull(lightNames);
        LightNames = lightNames;
        _colors = new Rgb24[lightNames.Count];
        _waiter = new() { RunContinuationsAsynchronously = !inline };
    }

    public IReadOnlyList<string> LightNames { get; }

    /// <summary>How many times colors were published; 0 before the first.</summary>
    public long Version => Volatile.Read(ref _version);

    /// <summary>Replaces the latest colors (one per light, in <see cref="LightNames"/> order) and wakes the reader.</summary>
    public void Publish(ReadOnlySpan<Rgb24> colors, long timestamp)
    {
        if (colors.Length != _colors.Length)
        {
            throw new ArgumentException($"Expected {_colors.Length} colors, got {colors.Length}.", nameof(colors));
        }

        bool wake;
        lock (_gate)
        {
            colors.CopyTo(_colors);
            _timestamp = timestamp;
            _version++;
            wake = TakeWaiter(_waiting && _version > _waitingFor);
        }

        if (wake)
        {
            Finish(true, null);
        }
    }

    /// <summary>Copies the latest colors into <paramref name="destination"/> and returns their version (0: none yet).</summary>
    public long CopyLatest(Span<Rgb24> destination, out long timestamp)
    {
        lock (_gate)
        {
            _colors.CopyTo(destination);
            timestamp = _timestamp;
            return _version;
        }
    }

    public void Dispose()
    {
        bool wake;
        lock (_gate)
        {
            _disposed = true;
            wake = TakeWaiter(_waiting);
        }

        if (wake)
        {
            Finish(false, new ObjectDisposedException(nameof(LightFeed)));
        }

        _timer?.Dispose();
    }

    /// <summary>Waits until colors newer than <paramref name="seenVersion"/> have been published.</summary>
    public ValueTask WaitForNewerAsync(long seenVersion, CancellationToken cancellationToken)
    {
        var wait = WaitForNewerAsync(seenVersion, Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
        if (wait.IsCompleted)
        {
            return wait.IsCompletedSuccessfully ? ValueTask.CompletedTask : new ValueTask(wait.AsTask());
        }

        return new ValueTask(this, _waiter.Version);
    }

    /// <summary>
    /// Waits until colors newer than <paramref name="seenVersion"/> have been published (true) or
    /// <paramref name="timeout"/> has passed on <paramref name="timeProvider"/> (false; <see cref="Timeout.InfiniteTimeSpan"/>:
    /// no deadline). Throws <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires first.
    /// Allocates nothing once warm: one waiter, one timer, one registration slot, all reused.
    /// </summary>
    public ValueTask<bool> WaitForNewerAsync(long seenVersion, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<bool>(cancellationToken);
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_version > seenVersion)
            {
                return new ValueTask<bool>(true);
            }

            if (timeout == TimeSpan.Zero)
            {
                return new ValueTask<bool>(false);
            }

            if (_waiting)
            {
                throw new InvalidOperationException("A light feed has one reader: a wait is already pending.");
            }

            _waiter.Reset();
            _waiting = true;
            _waitingFor = seenVersion;
            _waitToken = cancellationToken;
            _timerArmed = timeout != Timeout.InfiniteTimeSpan;
            if (_timerArmed)
            {
                if (_timer is null || _timerClock != timeProvider)
                {
                    _timer?.Dispose();
                    _timer = timeProvider.CreateTimer(static state => ((LightFeed)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                    _timerClock = timeProvider;
                    _timerDue = long.MaxValue;
                }

                _deadline = timeProvider.GetTimestamp() + (long)(timeout.TotalSeconds * timeProvider.TimestampFrequency);
                if (_timerDue > _deadline)
                {
                    // Not armed, or armed for later than this deadline (a longer wait before): arm it for this one.
                    _timerDue = _deadline;
                    _timer.Change(timeout + TimerSlack.For(timeProvider), Timeout.InfiniteTimeSpan);
                }
            }

            // Registered under the lock, so no completion can miss it; a token cancelled meanwhile calls back at once,
            // re-entering this (reentrant) lock on this thread.
            _registration = cancellationToken.UnsafeRegister(static (state, token) => ((LightFeed)state!).OnCancelled(token), this);
        }

        return new ValueTask<bool>(this, _waiter.Version);
    }

    bool IValueTaskSource<bool>.GetResult(short token) => _waiter.GetResult(token);

    void IValueTaskSource.GetResult(short token) => _waiter.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _waiter.GetStatus(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _waiter.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _waiter.OnCompleted(continuation, state, token, flags);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _waiter.OnCompleted(continuation, state, token, flags);

    /// <summary>Under the lock: ends the pending wait if <paramref name="condition"/>; the caller then calls <see cref="Finish"/>.</summary>
    private bool TakeWaiter(bool condition)
    {
        if (!condition)
        {
            return false;
        }

        _waiting = false;
        return true;
    }

    private void Finish(bool newer, Exception? error)
    {
        // The timer stays armed: the next wait's deadline is mostly later, and a firing with no wait due is ignored.
        _registration.Unregister();
        if (error is null)
        {
            _waiter.SetResult(newer);
        }
        else
        {
            _waiter.SetException(error);
        }
    }

    private void OnTimer()
    {
        bool wake;
        lock (_gate)
        {
            _timerDue = long.MaxValue;
            if (!_waiting || !_timerArmed || _disposed)
            {
                return;
            }

            // One left armed for an earlier wait's deadline fires early for this one: wait out the rest (armed with the
            // slack, so a coarse clock cannot make it fire early again).
            var early = _timerClock!.GetElapsedTime(_timerClock.GetTimestamp(), _deadline);
            if (early > TimeSpan.Zero)
            {
                _timerDue = _deadline;
                _timer!.Change(early + TimerSlack.For(_timerClock), Timeout.InfiniteTimeSpan);
                return;
            }

            wake = TakeWaiter(true);
        }

        if (wake)
        {
            Finish(false, null);
        }
    }

    private void OnCancelled(CancellationToken token)
    {
        bool wake;
        lock (_gate)
        {
            wake = TakeWaiter(_waiting && token == _waitToken);
        }

        if (wake)
        {
            Finish(false, new OperationCanceledException(token));
        }
    }
}
