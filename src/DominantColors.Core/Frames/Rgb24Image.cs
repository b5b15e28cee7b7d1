namespace DominantColors.Frames;

/// <summary>
/// A view of RGB24 pixels (3 bytes per pixel, rows <see cref="Stride"/> bytes apart) that copies nothing.
/// The last row may end right after its last pixel, so a <see cref="Slice"/> of a larger image is itself valid.
/// </summary>
public readonly ref struct Rgb24Image
{
    private readonly ReadOnlySpan<byte> _pixels;

    public Rgb24Image(ReadOnlySpan<byte> pixels, int width, int height, int stride)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        var rowBytes = (long)width * 3;
        if (stride < rowBytes)
        {
            throw new ArgumentOutOfRangeException(
                nameof(stride), stride, $"The stride must hold a row of {width} RGB24 pixels ({rowBytes} bytes).");
        }

        var needed = height == 0 || width == 0 ? 0 : ((long)(height - 1) * stride) + rowBytes;
        if (pixels.Length < needed)
        {
            throw new ArgumentException(
                $"{width}x{height} RGB24 pixels with stride {stride} need {needed} bytes, but only {pixels.Length} were given.",
                nameof(pixels));
        }

        _pixels = pixels[..(int)needed];
        Width = width;
        Height = height;
        Stride = stride;
    }

    /// <summary>Tightly packed pixels: stride = width × 3.</summary>
    public Rgb24Image(ReadOnlySpan<byte> pixels, int width, int height)
        : this(pixels, width, height, checked(width * 3))
    {
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Bytes from the start of one row to the start of the next.</summary>
    public int Stride { get; }

    public bool IsEmpty => Width == 0 || Height == 0;

    /// <summary>The <see cref="Width"/> × 3 bytes of row <paramref name="y"/>.</summary>
    public ReadOnlySpan<byte> Row(int y)
    {
        if ((uint)y >= (uint)Height)
        {
            throw new ArgumentOutOfRangeException(nameof(y), y, $"The image has {Height} rows.");
        }

        return _pixels.Slice(y * Stride, Width * 3);
    }

    /// <summary>A rectangle of this image, sharing its pixels.</summary>
    public Rgb24Image Slice(int x, int y, int width, int height)
    {
        if (x < 0 || y < 0 || width < 0 || height < 0 || (long)x + width > Width || (long)y + height > Height)
        {
            throw new ArgumentOutOfRangeException(
                nameof(x), $"The rectangle {width}x{height} at ({x}, {y}) does not fit in a {Width}x{Height} image.");
        }

        if (width == 0 || height == 0)
        {
            return new Rgb24Image(ReadOnlySpan<byte>.Empty, width, height, Stride);
        }

        return new Rgb24Image(_pixels[((y * Stride) + (x * 3))..], width, height, Stride);
    }

    public static Rgb24Image FromFrame(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return new Rgb24Image(frame.Pixels, frame.Width, frame.Height, frame.Stride);
    }

    public static implicit operator Rgb24Image(Frame frame) => FromFrame(frame);
}
