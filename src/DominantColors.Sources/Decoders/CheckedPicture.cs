namespace DominantColors.Sources.Decoders;

/// <summary>
/// A picture file whose header has been read and found within the pixel guard, and which (for the formats whose
/// decoders stay silent about a cut file: JPEG, GIF, WebP) is whole. <see cref="Bytes"/> then holds the file, read
/// once; for the other formats it is empty and the pixels are decoded from the file's stream.
/// </summary>
/// <param name="Width">The picture's width, from its header.</param>
/// <param name="Height">The picture's height, from its header.</param>
/// <param name="FormatName">ImageSharp's name of the format, e.g. <c>JPEG</c>.</param>
/// <param name="BitsPerPixel">From the header: a JPEG has 8 (grey), 24 (YCbCr or RGB) or 32 (CMYK, YCCK).</param>
/// <param name="Bytes">The whole file when it was read to be checked; otherwise empty.</param>
public readonly record struct CheckedPicture(int Width, int Height, string FormatName, int BitsPerPixel, ArraySegment<byte> Bytes)
{
    public bool IsJpeg => FormatName == "JPEG";
}
