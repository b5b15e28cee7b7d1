using System.Collections.Concurrent;

namespace DominantColors.Frames;

/// <summary>
/// Frames of one size for one source. After warm-up, renting and returning allocate nothing: a source needs
/// at most one frame in flight per slot of the hand-over channel plus the one being filled.
/// </summary>
public sealed class FramePool
{
    private readonly ConcurrentQueue<Frame> _free = new();

    public FramePool(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>A frame of the pool's size, stamped with <paramref name="timestamp"/>; dispose it to return it.</summary>
    public Frame Rent(long timestamp)
    {
        if (!_free.TryDequeue(out var frame))
        {
            frame = new Frame(this, checked(Width * Height * 3));
        }

        frame.Reset(Width, Height, timestamp);
        return frame;
    }

    internal void Return(Frame frame) => _free.Enqueue(frame);
}
