using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Benchmarks.Extract;

/// <summary>
/// A folder of generated 12-megapixel (4000x3000) JPEGs that decode like photos: smooth gradients and shapes
/// with sensor-like noise, quality 90, about 2-4 MB each.
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
                using var image = Photo(seed: i);
                image.SaveAsJpeg(files[i], new JpegEncoder { Quality = 90 });
            }
        }

        return files;
    }

    private static Image<ImageRgb24> Photo(int seed)
    {
        var random = new Random(seed);
        var image = new Image<ImageRgb24>(Width, Height);
        var (r0, g0, b0) = (random.Next(256), random.Next(256), random.Next(256));
        var (r1, g1, b1) = (random.Next(256), random.Next(256), random.Next(256));
        var (cx, cy, radius) = (random.Next(Width), random.Next(Height), 300 + random.Next(900));
        var accent = new ImageRgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var t = y / (float)Height;
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

                    var s = x / (float)Width;
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
