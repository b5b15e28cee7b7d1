using DominantColors.Sources.V4l2;

namespace DominantColors.Sources.Tests.V4l2;

/// <summary>
/// The conversion written the plain way, pixel by pixel: each output pixel averages the Y, U and V of every
/// source pixel in its box (chroma shared by a pair or a 2x2 block), rounds, and applies the 8-bit BT.601
/// limited-range formula. The production converter must match it byte for byte.
/// </summary>
internal static class ReferenceYuvConverter
{
    public static byte[] Convert(byte[] source, uint format, int sourceWidth, int sourceHeight, int bytesPerLine, int width, int height)
    {
        var rgb = new byte[width * height * 3];
        for (var by = 0; by < height; by++)
        {
            var (y0, y1) = Box(by, sourceHeight, height);
            for (var bx = 0; bx < width; bx++)
            {
                var (x0, x1) = Box(bx, sourceWidth, width);
                long sumY = 0, sumU = 0, sumV = 0, n = 0;
                for (var y = y0; y < y1; y++)
                {
                    for (var x = x0; x < x1; x++)
                    {
                        var (luma, u, v) = Sample(source, format, sourceHeight, bytesPerLine, x, y);
                        sumY += luma;
                        sumU += u;
                        sumV += v;
                        n++;
                    }
                }

                var c = 298 * ((int)((sumY + (n / 2)) / n) - 16);
                var d = (int)((sumU + (n / 2)) / n) - 128;
                var e = (int)((sumV + (n / 2)) / n) - 128;
                var i = ((by * width) + bx) * 3;
                rgb[i] = Clamp((c + (409 * e) + 128) >> 8);
                rgb[i + 1] = Clamp((c - (100 * d) - (208 * e) + 128) >> 8);
                rgb[i + 2] = Clamp((c + (516 * d) + 128) >> 8);
            }
        }

        return rgb;
    }

    private static (int Start, int End) Box(int index, int length, int boxes)
    {
        var start = Math.Min(index * length / boxes, length - 1);
        return (start, Math.Max(start + 1, (index + 1) * length / boxes));
    }

    private static (int Y, int U, int V) Sample(byte[] source, uint format, int sourceHeight, int bytesPerLine, int x, int y)
    {
        if (format == V4l2PixelFormats.Nv12)
        {
            var chroma = (sourceHeight * bytesPerLine) + (y / 2 * bytesPerLine) + (x / 2 * 2);
            return (source[(y * bytesPerLine) + x], source[chroma], source[chroma + 1]);
        }

        var pair = (y * bytesPerLine) + (x / 2 * 4);
        return format == V4l2PixelFormats.Yuyv
            ? (source[pair + (x % 2 * 2)], source[pair + 1], source[pair + 3])
            : (source[pair + 1 + (x % 2 * 2)], source[pair], source[pair + 2]);
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
