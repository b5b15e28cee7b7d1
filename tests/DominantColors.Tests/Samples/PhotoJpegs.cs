using System.Collections.Concurrent;
using DominantColors.Testing.Imaging;

namespace DominantColors.Tests.Samples;

/// <summary>
/// Photo-like JPEGs big enough for <c>--jpeg-decoder ffmpeg</c> (2048x2048, its 4-megapixel floor), made once per
/// seed with the benchmark's generator and shared by the tests; and such a JPEG with damaged pixel data.
/// </summary>
internal static class PhotoJpegs
{
    public const int Size = 2048;

    private static readonly ConcurrentDictionary<int, Lazy<byte[]>> Made = new();

    public static byte[] Get(int seed) => Made.GetOrAdd(seed, s => new Lazy<byte[]>(() => PhotoBatch.Jpeg(s, Size, Size))).Value;

    /// <summary>
    /// The photo with bytes of its entropy-coded data changed in the middle of the file, leaving every 0xFF byte and
    /// the byte after it alone: the segments still chain to the end marker, so only a decoder can tell.
    /// </summary>
    public static byte[] WithDamagedPixelData(int seed)
    {
        var bytes = Get(seed).ToArray();
        for (var i = bytes.Length / 2; i < (bytes.Length / 2) + 20_000; i += 7)
        {
            if (bytes[i] != 0xFF && bytes[i - 1] != 0xFF && (bytes[i] ^ 0x5A) != 0xFF)
            {
                bytes[i] ^= 0x5A;
            }
        }

        return bytes;
    }
}
