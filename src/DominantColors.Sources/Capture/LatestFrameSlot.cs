using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks.Sources;
using DominantColors.Frames;

namespace DominantColors.Sources.Capture;

/// <summary>
/// Hands frames from a source's reader loop to one consumer, newest only: publishing over an unread frame
/// returns the older frame to its pool, so a slow consumer always gets the freshest picture and lag never builds.
/// Used by the ffmpeg and the V4L2 sources.
/// </summary>
/// <remarks>
/// A waiting consumer is resumed on the publishing thread (the source's own reader thread), not queued to the thread
/// pool: one thread hop less per frame. The daemon's consumer analyses the frame there and hands colors on to the
/// outputs' own loops, so the reader is held only for the analysis; meanwhile new frames wait in the source's own
/// buffer (the pipe, the driver's queue). Waiting allocates nothing once warm.
/// </remarks>
internal sealed class LatestFrameSlot : IDisposable, IValueTaskSource
{
    private ManualResetValueTaskSourceCore<bool> _waiter = new() { RunContinuationsAsynchronously = false };
    private Frame? _latest;
    private Exception? _fault;
    private int _completed;
    private int _waiting;
    private long _dropped;
    private CancellationToken _waitToken;
    private CancellationTokenRegistration _registration;

    /// <summary>Frames replaced before anyone read them.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Makes <paramref name="frame"/> the next one to read; the slot owns it from here. Allocates nothing.</summary>
    public void Publish(Frame frame)
    {
        var older = Interlocked.Exchange(ref _latest, frame);
        if (older is not null)
        {
            older.Dispose();
            Interlocked.Increment(ref _dropped);
        }

        Wake(null);
    }

    /// <summary>
    /// No more frames will come: readers get the frame still held, then <see langword="null"/> (or the fault).
    /// Only the first call counts. Call it from the publishing thread.
    /// </summary>
    public void Complete(Exception? fault = null)
    {
        if (Volatile.Read(ref _completed) == 1)
        {
            return;
        }

        _fault = fault;
        Volatile.Write(ref _completed, 1);
        Wake(null);
    }

    /// <summary>Takes the newest frame, waiting for one if none is there. The caller owns the frame. One reader at a time.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Frame?> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = Interlocked.Exchange(ref _latest, null);
            if (frame is not null)
            {
                return frame;
            }

            if (Volatile.Read(ref _completed) == 1)
            {
                if (_fault is not null)
                {
                    ExceptionDispatchInfo.Throw(_fault);
                }

                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            _waiter.Reset();
            _waitToken = cancellationToken;
            Volatile.Write(ref _waiting, 1);

            // A frame (or the end) that came between the checks above and the flag is not missed: take the wake back
            // and look again; if a publisher took it first, its wake completes the wait below.
            if ((Volatile.Read(ref _latest) is not null || Volatile.Read(ref _completed) == 1) && Interlocked.Exchange(ref _waiting, 0) == 1)
            {
                continue;
            }

            _registration = cancellationToken.UnsafeRegister(static (state, token) => ((LatestFrameSlot)state!).OnCancelled(token), this);
            try
            {
                await new ValueTask(this, _waiter.Version).ConfigureAwait(false);
            }
            finally
            {
                _registration.Dispose();
            }
        }
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _latest, null)?.Dispose();
        Wake(new ObjectDisposedException(nameof(LatestFrameSlot)));
    }

    void IValueTaskSource.GetResult(short token) => _waiter.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _waiter.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _waiter.OnCompleted(continuation, state, token, flags);

    private void OnCancelled(CancellationToken token)
    {
        if (token == _waitToken)
        {
            Wake(new OperationCanceledException(token));
        }
    }

    /// <summary>Resumes the waiting reader, if any, on this thread; only one wake per wait gets through.</summary>
    private void Wake(Exception? error)
    {
        if (Interlocked.Exchange(ref _waiting, 0) != 1)
        {
            return;
        }

        if (error is null)
        {
            _waiter.SetResult(true);
        }
        else
        {
            _waiter.SetException(error);
        }
    }
}
