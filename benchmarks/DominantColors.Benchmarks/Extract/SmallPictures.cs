using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Benchmarks.Extract;

/// <summary>A folder <c>pictures</c> of many small inputs: 100 distinct generated PNGs, each reached through as many symbolic links as needed.</summary>
internal static class SmallPictures
{
    public const int Width = 64;
    public const int Height = 48;

    public static int Create(string folder, int count)
    {
        var originals = Path.Combine(folder, "originals");
        var pictures = Path.Combine(folder, "pictures");
        Directory.CreateDirectory(originals);
        Directory.CreateDirectory(pictures);
        var distinct = Math.Min(100, count);
        for (var i = 0; i < distinct; i++)
        {
            using var image = new Image<ImageRgb24>(Width, Height);
            for (var y = 0; y < Height; y++)
            {
                for (var x = 0; x < Width; x++)
                {
                    image[x, y] = new ImageRgb24((byte)(i * 37 + x * 3), (byte)(i * 11 + y * 5), (byte)((x ^ y) * 4 + i));
                }
            }

            image.Save(Path.Combine(originals, $"{i:000}.png"), new PngEncoder());
        }

        for (var i = 0; i < count; i++)
        {
            File.CreateSymbolicLink(Path.Combine(pictures, $"{i:000000}.png"), Path.Combine(originals, $"{i % distinct:000}.png"));
        }

        return count;
    }
}
