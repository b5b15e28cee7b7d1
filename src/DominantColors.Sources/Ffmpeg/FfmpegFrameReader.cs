using DominantColors.Frames;
using DominantColors.Sources.Capture;

namespace DominantColors.Sources.Ffmpeg;

/// <summary>
/// Reads whole RGB24 frames from one ffmpeg's stdout on a dedicated thread, straight into pooled frames, and
/// publishes each to the latest-wins slot. Reading never waits for the consumer, so the pipe never fills and
/// ffmpeg never runs behind. Ends when stdout ends (ffmpeg exited or was killed).
/// </summary>
internal sealed class FfmpegFrameReader
{
    private readonly Stream _output;
    private readonly FramePool _pool;
    private readonly LatestFrameSlot _slot;
    private readonly TimeProvider _timeProvider;
    private readonly Action<Frame> _onFrame;
    private readonly TaskCompletionSource<long> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FfmpegFrameReader(Stream output, FramePool pool, LatestFrameSlot slot, TimeProvider timeProvider, Action<Frame> onFrame)
    {
        _output = output;
        _pool = pool;
        _slot = slot;
        _timeProvider = timeProvider;
        _onFrame = onFrame;
    }

    /// <summary>Starts reading; the task completes with the number of whole frames read once stdout ends.</summary>
    public Task<long> Start()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "ffmpeg frame reader" };
        thread.Start();
        return _done.Task;
    }

    private void Run()
    {
        long frames = 0;
        try
        {
            // Hot loop: a pooled frame, a blocking read into its pixels, a timestamp; nothing allocated per frame.
            while (true)
            {
                var frame = _pool.Rent(0);
                var pixels = frame.PixelsToWrite;
                int read;
                try
                {
                    read = _output.ReadAtLeast(pixels, pixels.Length, throwOnEndOfStream: false);
                }
                catch (Exception ex) when (ex is IOException or ObjectDisposedException)
                {
                    read = 0;
                }

                if (read < pixels.Length)
                {
                    frame.Dispose();
                    break;
                }

                frame.Timestamp = _timeProvider.GetTimestamp();
                _onFrame(frame);
                _slot.Publish(frame);
                frames++;
            }
        }
        catch (Exception ex)
        {
            // Never let a fault escape a dedicated thread (it would end the process): the supervisor sees it.
            _done.TrySetException(ex);
        }
        finally
        {
            _done.TrySetResult(frames);
        }
    }
}
