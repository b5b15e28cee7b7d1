using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Testing.Imaging;

/// <summary>
/// A folder of generated 12-megapixel (4000x3000) JPEGs that decode like photos: smooth gradients and shapes
/// with sensor-like noise, quality 90, about 2-4 MB each. The extract tests make smaller ones the same way.
/// </summary>
internal static class PhotoBatch
{
    public const int Width = 4000;
    public const int Height = 3000;

    public static string[] Create(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var files = new string[count];
        for (var i = 0; i < count; i++)
        {
            files[i] = Path.Combine(folder, $"photo-{i:00}.jpg");
            if (!File.Exists(files[i]))
            {
                File.WriteAllBytes(files[i], Jpeg(seed: i, Width, Height));
            }
        }

        return files;
    }

    /// <summary>One photo-like picture of <paramref name="width"/> x <paramref name="height"/> as JPEG bytes (quality 90).</summary>
    public static byte[] Jpeg(int seed, int width, int height)
    {
        using var image = Photo(seed, width, height);
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = 90 });
        return stream.ToArray();
    }

    private static Image<ImageRgb24> Photo(int seed, int width, int height)
    {
        var random = new Random(seed);
        var image = new Image<ImageRgb24>(width, height);
        var (r0, g0, b0) = (random.Next(256), random.Next(256), random.Next(256));
        var (r1, g1, b1) = (random.Next(256), random.Next(256), random.Next(256));
        var (cx, cy, radius) = (random.Next(width), random.Next(height), (300 + random.Next(900)) * width / Width);
        var accent = new ImageRgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var t = y / (float)height;
                for (var x = 0; x < row.Length; x++)
                {
                    var dx = x - cx;
                    var dy = y - cy;
                    var noise = random.Next(-12, 13);
                    if ((dx * dx) + (dy * dy) < radius * radius)
                    {
                        row[x] = new ImageRgb24(Clamp(accent.R + noise), Clamp(accent.G + noise), Clamp(accent.B + noise));
                        continue;
                    }

                    var s = x / (float)width;
                    row[x] = new ImageRgb24(
                        Clamp((int)((r0 * (1 - t)) + (r1 * t) + (20 * s)) + noise),
                        Clamp((int)((g0 * (1 - t)) + (g1 * t)) + noise),
                        Clamp((int)((b0 * (1 - s)) + (b1 * s)) + noise));
                }
            }
        });
        return image;
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
