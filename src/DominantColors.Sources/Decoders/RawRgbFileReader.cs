namespace DominantColors.Sources.Decoders;

/// <summary>
/// Reads a file of raw RGB24 frames of a size given by the caller (what <c>ffmpeg -f rawvideo -pix_fmt rgb24</c>
/// writes): one frame makes a picture, several make a sequence. One buffer is reused: the pixels of a frame are
/// valid until the next <see cref="ReadFrame"/>.
/// </summary>
public sealed class RawRgbFileReader : IDisposable
{
    private readonly FileStream _stream;
    private readonly byte[] _buffer;

    private RawRgbFileReader(FileStream stream, int width, int height, long frameCount)
    {
        _stream = stream;
        Width = width;
        Height = height;
        FrameCount = frameCount;
        _buffer = new byte[Stride * height];
    }

    public int Width { get; }

    public int Height { get; }

    public int Stride => Width * 3;

    /// <summary>How many whole frames the file holds.</summary>
    public long FrameCount { get; }

    /// <summary>The current frame's number, from 0.</summary>
    public long FrameIndex { get; private set; } = -1;

    public ReadOnlySpan<byte> Pixels => _buffer;

    /// <summary>
    /// Opens <paramref name="path"/>; throws <see cref="UnreadableInputException"/> when it is empty, over the pixel
    /// guard, or not a whole number of frames of the given size.
    /// </summary>
    public static RawRgbFileReader Open(string path, int width, int height, long maxPixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if ((long)width * height > maxPixels)
        {
            throw UnreadableInputException.TooManyPixels(width, height, maxPixels);
        }

        var frameBytes = (long)width * height * 3;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            var length = stream.Length;
            if (length == 0)
            {
                throw new UnreadableInputException("empty file (0 bytes)");
            }

            if (length % frameBytes != 0)
            {
                throw new UnreadableInputException(
                    $"{length:N0} bytes is not a whole number of {width}x{height} RGB24 frames ({frameBytes:N0} bytes each)");
            }

            return new RawRgbFileReader(stream, width, height, length / frameBytes);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next frame; <see langword="false"/> after the last one.</summary>
    public bool ReadFrame()
    {
        if (FrameIndex + 1 >= FrameCount)
        {
            return false;
        }

        _stream.ReadExactly(_buffer);
        FrameIndex++;
        return true;
    }

    public void Dispose() => _stream.Dispose();
}
