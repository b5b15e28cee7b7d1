using System.Runtime.ExceptionServices;
using DominantColors.Frames;

namespace DominantColors.Sources.Ffmpeg;

/// <summary>
/// Hands frames from a source's reader loop to one consumer, newest only: publishing over an unread frame
/// returns the older frame to its pool, so a slow consumer always gets the freshest picture and lag never builds.
/// Used by the ffmpeg and the V4L2 sources.
/// </summary>
internal sealed class LatestFrameSlot : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private Frame? _latest;
    private Exception? _fault;
    private int _completed;
    private long _dropped;

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

        Signal();
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
        Signal();
    }

    /// <summary>Takes the newest frame, waiting for one if none is there. The caller owns the frame.</summary>
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

                Signal();
                return null;
            }

            await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _latest, null)?.Dispose();
        _signal.Dispose();
    }

    private void Signal()
    {
        if (_signal.CurrentCount != 0)
        {
            return;
        }

        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another publish signalled in between: one wake-up is enough.
        }
        catch (ObjectDisposedException)
        {
            // The consumer has gone; nobody is waiting.
        }
    }
}
