using DominantColors.Frames;
using DominantColors.Sources.Capture;

namespace DominantColors.Sources.Hyperion;

/// <summary>Where every connection's winning pictures go: pooled frames at the analysis size, numbered, latest wins.</summary>
internal sealed class HyperionFrameOutput
{
    private readonly FramePool _pool;
    private readonly LatestFrameSlot _slot;
    private long _frames;

    public HyperionFrameOutput(FramePool pool, LatestFrameSlot slot, TimeProvider time)
    {
        _pool = pool;
        _slot = slot;
        Time = time;
    }

    public TimeProvider Time { get; }

    public int Width => _pool.Width;

    public int Height => _pool.Height;

    public Frame Rent(long timestamp) => _pool.Rent(timestamp);

    /// <summary>Hands a filled frame on; an older unread one goes back to the pool.</summary>
    public void Publish(Frame frame)
    {
        frame.Sequence = Interlocked.Increment(ref _frames) - 1;
        _slot.Publish(frame);
    }
}
