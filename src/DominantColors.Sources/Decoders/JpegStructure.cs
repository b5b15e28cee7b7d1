using System.Buffers.Binary;

namespace DominantColors.Sources.Decoders;

/// <summary>
/// Checks that a JPEG file is whole. Decoders (ImageSharp among them) fill in the missing rows of a truncated
/// JPEG with grey and report nothing, which would give a truncated photo a confident, wrong palette.
/// </summary>
public static class JpegStructure
{
    private const byte Marker = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;

    /// <summary>
    /// Whether the segments chain from the start-of-image marker to an end-of-image marker. Bytes after the end
    /// marker (camera trailers, appended motion-photo video) are allowed.
    /// </summary>
    public static bool IsComplete(ReadOnlySpan<byte> file) => ImageLength(file) > 0;

    /// <summary>
    /// The length of the JPEG image at the start of <paramref name="file"/>, up to and including its end-of-image
    /// marker (without any trailer after it), or 0 when the segments do not chain to an end-of-image marker.
    /// </summary>
    public static int ImageLength(ReadOnlySpan<byte> file)
    {
        if (file.Length < 4 || file[0] != Marker || file[1] != StartOfImage)
        {
            return 0;
        }

        var i = 2;
        while (i + 1 < file.Length)
        {
            if (file[i] != Marker)
            {
                return 0;
            }

            var marker = file[i + 1];
            if (marker == Marker)
            {
                i++; // fill byte before a marker
                continue;
            }

            if (marker == EndOfImage)
            {
                return i + 2;
            }

            if (IsStandalone(marker))
            {
                i += 2;
                continue;
            }

            if (i + 3 >= file.Length)
            {
                return 0;
            }

            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(file[(i + 2)..]);
            if (marker == StartOfScan)
            {
                i = SkipEntropyCodedData(file, i);
            }
        }

        return 0;
    }

    /// <summary>Finds the next real marker after a scan: in entropy-coded data 0xFF is followed by 0x00 or a restart marker.</summary>
    private static int SkipEntropyCodedData(ReadOnlySpan<byte> file, int start)
    {
        var i = start;
        while (i < file.Length)
        {
            var next = file[i..].IndexOf(Marker);
            if (next < 0 || i + next + 1 >= file.Length)
            {
                return file.Length;
            }

            i += next;
            var following = file[i + 1];
            if (following == 0x00 || (following >= 0xD0 && following <= 0xD7))
            {
                i += 2;
                continue;
            }

            return i;
        }

        return file.Length;
    }

    private static bool IsStandalone(byte marker) => marker is 0x01 or (>= 0xD0 and <= 0xD7);
}
