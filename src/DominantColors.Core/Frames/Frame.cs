namespace DominantColors.Frames;

/// <summary>
/// One RGB24 picture in a buffer rented from a <see cref="FramePool"/>. Whoever holds a frame owns it and
/// must dispose it exactly once, which hands the buffer back to its pool; the pixels must not be touched after that.
/// </summary>
public sealed class Frame : IDisposable
{
    private readonly FramePool? _pool;
    private byte[] _buffer;
    private int _disposed;

    internal Frame(FramePool? pool, int capacity)
    {
        _pool = pool;
        _buffer = new byte[capacity];
    }

    /// <summary>Creates a frame that belongs to no pool (tests, one-off images).</summary>
    public static Frame Create(int width, int height)
    {
        var frame = new Frame(null, checked(width * height * 3));
        frame.Reset(width, height, 0);
        return frame;
    }

    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>Bytes from the start of one row to the start of the next.</summary>
    public int Stride => Width * 3;

    /// <summary>When the source read the frame, in <see cref="TimeProvider.GetTimestamp"/> ticks.</summary>
    public long Timestamp { get; set; }

    /// <summary>Frame number within its source, from 0.</summary>
    public long Sequence { get; set; }

    public ReadOnlySpan<byte> Pixels => _buffer.AsSpan(0, Stride * Height);

    /// <summary>The pixels for the source that fills the frame.</summary>
    public Span<byte> PixelsToWrite => _buffer.AsSpan(0, Stride * Height);

    internal int Capacity => _buffer.Length;

    /// <summary>Hands the buffer back to its pool.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _pool?.Return(this);
        }
    }

    internal void Reset(int width, int height, long timestamp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        var needed = checked(width * height * 3);
        if (_buffer.Length < needed)
        {
            _buffer = new byte[needed];
        }

        Width = width;
        Height = height;
        Timestamp = timestamp;
        Sequence = 0;
        _disposed = 0;
    }
}
