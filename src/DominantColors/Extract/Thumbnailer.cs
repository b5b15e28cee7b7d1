using System.Buffers;
using DominantColors.Frames;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Extract;

/// <summary>
/// Contact-sheet thumbnails from pixels that are already decoded: a grid of at most <see cref="GridSize"/> pixels on
/// the long side is picked from the picture (no second decode, no copy of the full picture), then ImageSharp shrinks
/// it to <see cref="LongSide"/> pixels with a box filter, which averages the grid, and encodes a JPEG.
/// </summary>
internal static class Thumbnailer
{
    /// <summary>Pixels on the long side of a thumbnail: sharp on a card about 220 CSS pixels wide at 1x.</summary>
    public const int LongSide = 240;

    /// <summary>The long side of the sampled grid: four samples per thumbnail pixel each way.</summary>
    public const int GridSize = LongSide * 4;

    private static readonly JpegEncoder Encoder = new() { Quality = 72 };

    /// <summary>
    /// A JPEG of <paramref name="image"/> shown at the aspect of <paramref name="width"/> x <paramref name="height"/>
    /// (the picture's own size, which differs from the image's when a decoder scaled it).
    /// </summary>
    public static byte[] Make(Rgb24Image image, int width, int height)
    {
        var (thumbWidth, thumbHeight) = Fit(width, height, LongSide);
        var (gridWidth, gridHeight) = Fit(width, height, GridSize);
        gridWidth = Math.Min(gridWidth, image.Width);
        gridHeight = Math.Min(gridHeight, image.Height);
        var length = gridWidth * gridHeight * 3;

        // Up to 2 MB a picture: rented, so a long run does not churn the large-object heap.
        var grid = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Sample(image, grid.AsSpan(0, length), gridWidth, gridHeight);
            using var picture = Image.LoadPixelData<ImageRgb24>(grid.AsSpan(0, length), gridWidth, gridHeight);
            picture.Mutate(x => x.Resize(thumbWidth, thumbHeight, KnownResamplers.Box));
            using var jpeg = new MemoryStream();
            picture.SaveAsJpeg(jpeg, Encoder);
            return jpeg.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(grid);
        }
    }

    /// <summary>The size of a <paramref name="width"/> x <paramref name="height"/> picture scaled to fit a square of <paramref name="side"/>.</summary>
    public static (int Width, int Height) Fit(int width, int height, int side)
    {
        if (width <= 0 || height <= 0)
        {
            return (1, 1);
        }

        return width >= height
            ? (Math.Min(side, width), Math.Max(1, (int)Math.Round((double)height * Math.Min(side, width) / width)))
            : (Math.Max(1, (int)Math.Round((double)width * Math.Min(side, height) / height)), Math.Min(side, height));
    }

    /// <summary>Nearest-pixel sampling into <paramref name="grid"/>; allocates nothing.</summary>
    private static void Sample(Rgb24Image image, Span<byte> grid, int gridWidth, int gridHeight)
    {
        for (var y = 0; y < gridHeight; y++)
        {
            var row = image.Row((int)((((long)y * 2) + 1) * image.Height / (2L * gridHeight)));
            var target = grid.Slice(y * gridWidth * 3, gridWidth * 3);
            for (var x = 0; x < gridWidth; x++)
            {
                var source = (int)((((long)x * 2) + 1) * image.Width / (2L * gridWidth)) * 3;
                target[x * 3] = row[source];
                target[(x * 3) + 1] = row[source + 1];
                target[(x * 3) + 2] = row[source + 2];
            }
        }
    }
}
