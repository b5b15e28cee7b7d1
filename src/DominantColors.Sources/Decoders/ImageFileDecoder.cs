using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;
using ImageSharpConfiguration = SixLabors.ImageSharp.Configuration;

namespace DominantColors.Sources.Decoders;

/// <summary>
/// Decodes still pictures (JPEG, PNG, GIF, BMP, TIFF, WebP, TGA, PBM) to RGB24 with ImageSharp. The header is read
/// first and a picture over the pixel guard is refused before any pixel buffer is allocated, so a decompression
/// bomb (a tiny file that claims 50000x50000) costs nothing. Safe to share between threads.
/// </summary>
public sealed class ImageFileDecoder
{
    /// <summary>100 megapixels: above any camera in common use, and 300 MB once decoded.</summary>
    public const long DefaultMaxPixels = 100_000_000;

    private const string Supported = "JPEG, PNG, GIF, BMP, TIFF, WebP, TGA or PBM";

    private readonly ImageSharpConfiguration _configuration;

    public ImageFileDecoder(long maxPixels = DefaultMaxPixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPixels, 1);
        MaxPixels = maxPixels;
        _configuration = ImageSharpConfiguration.Default.Clone();

        // One block per picture, so the pixels can be handed on as a single span without a copy.
        _configuration.PreferContiguousImageBuffers = true;
    }

    public long MaxPixels { get; }

    /// <summary>Whether the file's first bytes belong to a picture format this decoder reads.</summary>
    public bool IsImage(string path)
    {
        using var stream = File.OpenRead(path);
        return IsImage(stream);
    }

    /// <summary>Whether the stream's first bytes belong to a picture format this decoder reads. Rewinds the stream.</summary>
    public bool IsImage(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = stream.Position;
        var format = Image.DetectFormat(_configuration, stream);
        stream.Position = start;
        return format is not null;
    }

    /// <summary>Decodes a picture file; throws <see cref="UnreadableInputException"/> with the reason when it cannot.</summary>
    public DecodedImage Decode(string path)
    {
        using var stream = OpenFile(path);
        return Decode(stream);
    }

    /// <summary>Opens a picture file for <see cref="Check"/> and <see cref="Load"/>: read once, front to back.</summary>
    public static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    /// <summary>Decodes a picture from a seekable stream; throws <see cref="UnreadableInputException"/> with the reason when it cannot.</summary>
    public DecodedImage Decode(Stream stream)
    {
        byte[]? buffer = null;
        return Load(stream, Check(stream, ref buffer));
    }

    /// <summary>
    /// Reads a picture's header and checks it: not empty, within the pixel guard, and (JPEG, GIF, WebP) whole, for
    /// which the file is read into <paramref name="buffer"/> (replaced by a larger one when it is too small, so a
    /// caller can reuse one buffer for many files). Throws <see cref="UnreadableInputException"/> with the reason.
    /// </summary>
    public CheckedPicture Check(Stream stream, ref byte[]? buffer)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.Length == 0)
        {
            throw new UnreadableInputException("empty file (0 bytes)");
        }

        var (width, height, formatName, bitsPerPixel) = ReadHeader(stream);
        if ((long)width * height > MaxPixels)
        {
            throw UnreadableInputException.TooManyPixels(width, height, MaxPixels);
        }

        if (width == 0 || height == 0)
        {
            throw new UnreadableInputException($"{formatName} header says {width}x{height}: no pixels");
        }

        stream.Position = 0;
        if (!PictureCompleteness.IsChecked(formatName))
        {
            return new CheckedPicture(width, height, formatName, bitsPerPixel, default);
        }

        // The whole file is read once here: checked for its end, then decoded from memory.
        var length = checked((int)stream.Length);
        if (buffer is null || buffer.Length < length)
        {
            buffer = new byte[length];
        }

        stream.ReadExactly(buffer, 0, length);
        var bytes = new ArraySegment<byte>(buffer, 0, length);
        if (PictureCompleteness.WhyIncomplete(formatName, bytes) is { } reason)
        {
            throw new UnreadableInputException(reason);
        }

        return new CheckedPicture(width, height, formatName, bitsPerPixel, bytes);
    }

    /// <summary>
    /// Decodes a picture that <see cref="Check"/> passed: from its bytes when they were read, otherwise from
    /// <paramref name="stream"/> (rewound by the check). Throws <see cref="UnreadableInputException"/> with the reason.
    /// </summary>
    public DecodedImage Load(Stream stream, CheckedPicture picture)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (picture.Bytes.Array is { } bytes)
        {
            stream = new MemoryStream(bytes, picture.Bytes.Offset, picture.Bytes.Count, writable: false);
        }

        Image<ImageRgb24> image;
        try
        {
            image = Image.Load<ImageRgb24>(_configuration, stream);
        }
        catch (Exception ex) when (IsDecodeFailure(ex))
        {
            throw new UnreadableInputException($"corrupt or truncated {picture.FormatName}: {ex.Message}", ex);
        }

        if (!image.DangerousTryGetSinglePixelMemory(out var pixels))
        {
            image.Dispose();
            throw new InvalidOperationException("The decoder returned the picture in several blocks although one was asked for.");
        }

        return new DecodedImage(image, pixels);
    }

    private (int Width, int Height, string FormatName, int BitsPerPixel) ReadHeader(Stream stream)
    {
        try
        {
            var info = Image.Identify(_configuration, stream, out var format);
            if (info is null || format is null)
            {
                throw new UnreadableInputException($"not a picture: the content is not {Supported}");
            }

            return (info.Width, info.Height, format.Name, info.PixelType?.BitsPerPixel ?? 0);
        }
        catch (Exception ex) when (IsDecodeFailure(ex))
        {
            throw new UnreadableInputException($"corrupt picture header: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Whatever the decoder throws while reading untrusted bytes means the file could not be decoded: besides its
    /// own format exceptions, damaged files make ImageSharp 2.x throw index, argument and even null-reference errors.
    /// Only running out of memory and cancellation are not the file's fault.
    /// </summary>
    private static bool IsDecodeFailure(Exception ex) =>
        ex is not (OutOfMemoryException or OperationCanceledException or UnreadableInputException);
}
