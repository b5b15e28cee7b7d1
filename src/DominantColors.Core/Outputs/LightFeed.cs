using System.Threading.Tasks.Sources;
using DominantColors.Colors;

namespace DominantColors.Outputs;

/// <summary>
/// The latest colors for the lights one sink drives: a latest-wins slot between the pipeline and that sink.
/// The pipeline publishes what changed; the sink reads whenever it is ready, so a slow sink skips stale colors
/// instead of queuing them, and never slows the pipeline. Publishing copies into a fixed buffer, and waiting (with or
/// without a deadline) reuses one waiter and one <see cref="DeadlineTimer"/>: neither allocates once warm. Each wait
/// moves that timer's deadline on, so a sink that waits with a keep-alive deadline between frames sets no timer off
/// while colors keep coming, and one when they stop.
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
    private bool _timerArmed;
    private DeadlineTimer? _timer;
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
                    _timer = new DeadlineTimer(timeProvider, static state => ((LightFeed)state!).OnTimer(), this);
                    _timerClock = timeProvider;
                }

                // Each wait moves the deadline on (a keep-alive after every send): the timer fires only for one that comes.
                var now = timeProvider.GetTimestamp();
                _timer.Set(now + (long)(timeout.TotalSeconds * timeProvider.TimestampFrequency), now);
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
        // The deadline stays set: the next wait mostly moves it later, and a firing with no wait due is ignored.
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

    /// <summary>The deadline of the pending wait has passed (a wait without one ignores the deadline left from before).</summary>
    private void OnTimer()
    {
        bool wake;
        lock (_gate)
        {
            wake = TakeWaiter(_waiting && _timerArmed && !_disposed);
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
