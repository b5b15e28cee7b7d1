using SixLabors.ImageSharp;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Extract;

/// <summary>
/// A movie barcode: one column per frame, left to right, holding that frame's palette stacked by weight (the heaviest
/// color on top, each as tall as its share). A video of more than <see cref="MaxColumns"/> frames keeps that many,
/// evenly spread, so the picture stays a sensible size.
/// </summary>
internal static class MovieBarcode
{
    public const int MaxColumns = 1920;

    public const int Height = 160;

    /// <summary>The barcode of <paramref name="frames"/> as PNG bytes; null when there are no frames.</summary>
    public static byte[]? Png(IReadOnlyList<PaletteRecord> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0)
        {
            return null;
        }

        var columns = Math.Min(frames.Count, MaxColumns);
        using var image = new Image<ImageRgb24>(columns, Height);
        for (var x = 0; x < columns; x++)
        {
            var frame = frames[(int)((long)x * frames.Count / columns)];
            var top = 0;
            var share = 0.0;
            for (var i = 0; i < frame.Colors.Length; i++)
            {
                share += frame.Colors[i].Weight;
                var bottom = i == frame.Colors.Length - 1 ? Height : (int)Math.Round(share * Height);
                var c = frame.Colors[i].Color;
                var pixel = new ImageRgb24(c.R, c.G, c.B);
                for (var y = top; y < bottom; y++)
                {
                    image[x, y] = pixel;
                }

                top = Math.Max(top, bottom);
            }
        }

        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return png.ToArray();
    }
}
