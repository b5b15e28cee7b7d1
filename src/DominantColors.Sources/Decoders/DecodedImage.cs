using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DominantColors.Sources.Decoders;

/// <summary>
/// A decoded picture as tightly packed RGB24 rows (stride = width * 3). Owns the decoder's buffer: dispose it
/// to give the memory back; the pixels must not be used after that.
/// </summary>
public sealed class DecodedImage : IDisposable
{
    private readonly Image<Rgb24> _image;
    private readonly Memory<Rgb24> _pixels;

    internal DecodedImage(Image<Rgb24> image, Memory<Rgb24> pixels)
    {
        _image = image;
        _pixels = pixels;
    }

    public int Width => _image.Width;

    public int Height => _image.Height;

    public int Stride => _image.Width * 3;

    /// <summary>The pixels, row after row, three bytes (R, G, B) each.</summary>
    public ReadOnlySpan<byte> Pixels => System.Runtime.InteropServices.MemoryMarshal.AsBytes(_pixels.Span);

    public void Dispose() => _image.Dispose();
}
