using System.Buffers.Binary;

namespace DominantColors.Sources.Decoders;

/// <summary>
/// Tells a cut picture file from a whole one for the formats whose decoders stay silent about it: ImageSharp shows a
/// cut JPEG's missing rows grey, stops a cut GIF at its last whole block and reads a cut WebP's missing bytes as
/// zeros, each without an error. Formats with checksums or explicit ends (PNG, BMP, TIFF) fail in the decoder itself.
/// </summary>
internal static class PictureCompleteness
{
    private const byte GifTrailer = 0x3B;

    /// <summary>Whether <paramref name="formatName"/> (ImageSharp's name) needs the whole file for <see cref="WhyIncomplete"/>.</summary>
    public static bool IsChecked(string formatName) => formatName is "JPEG" or "GIF" or "Webp";

    /// <summary>Null when the file is whole, otherwise why it is not.</summary>
    public static string? WhyIncomplete(string formatName, ReadOnlySpan<byte> file) => formatName switch
    {
        "JPEG" when !JpegStructure.IsComplete(file) => "truncated or corrupt JPEG: the data stops before the end-of-image marker",
        "GIF" when file.IsEmpty || file[^1] != GifTrailer => "truncated GIF: the data stops before the trailer byte (0x3B)",
        "Webp" when WebpShortfall(file) is { } announced => $"truncated WebP: the file holds {file.Length} of the {announced} bytes its RIFF header announces",
        _ => null,
    };

    /// <summary>The length the RIFF header announces, when the file is shorter than that; otherwise null.</summary>
    private static long? WebpShortfall(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12)
        {
            return 12;
        }

        var announced = 8L + BinaryPrimitives.ReadUInt32LittleEndian(file[4..]);
        return file.Length < announced ? announced : null;
    }
}
