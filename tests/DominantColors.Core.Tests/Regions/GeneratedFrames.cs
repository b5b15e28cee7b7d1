using DominantColors.Colors;
using DominantColors.Frames;

namespace DominantColors.Core.Tests.Regions;

/// <summary>Builds test pictures: a lit, varied picture inside black bars, with optional extras drawn on top.</summary>
internal static class GeneratedFrames
{
    public const int Width = 64;
    public const int Height = 36;

    /// <summary>A picture filling <paramref name="content"/>; everything else black.</summary>
    public static Frame Picture(PixelRect content, int width = Width, int height = Height)
    {
        var frame = Frame.Create(width, height);
        var pixels = frame.PixelsToWrite;
        pixels.Clear();
        for (var y = content.Y; y < content.Bottom; y++)
        {
            for (var x = content.X; x < content.Right; x++)
            {
                var i = (y * frame.Stride) + (x * 3);
                pixels[i] = (byte)(60 + ((x * 7) % 180));
                pixels[i + 1] = (byte)(50 + ((y * 11) % 150));
                pixels[i + 2] = (byte)(90 + (((x + y) * 5) % 120));
            }
        }

        return frame;
    }

    /// <summary>A 2.39:1 film in a 16:9 frame: 5 black rows on top, 4 at the bottom.</summary>
    public static PixelRect Letterbox => new(0, 5, Width, 27);

    /// <summary>A 4:3 picture in a 16:9 frame: 8 black columns on each side.</summary>
    public static PixelRect Pillarbox => new(8, 0, 48, Height);

    public static void Fill(Frame frame, PixelRect rect, Rgb24 color)
    {
        var pixels = frame.PixelsToWrite;
        for (var y = rect.Y; y < rect.Bottom; y++)
        {
            for (var x = rect.X; x < rect.Right; x++)
            {
                var i = (y * frame.Stride) + (x * 3);
                pixels[i] = color.R;
                pixels[i + 1] = color.G;
                pixels[i + 2] = color.B;
            }
        }
    }

    /// <summary>Two lines of white subtitle "letters" (3 lit, 1 dark) across the middle of the bottom bar.</summary>
    public static void Subtitles(Frame frame, int firstRow, int fromX, int toX)
    {
        for (var row = firstRow; row < firstRow + 2; row++)
        {
            for (var x = fromX; x < toX; x++)
            {
                if (x % 4 != 3)
                {
                    Fill(frame, new PixelRect(x, row, 1, 1), new Rgb24(235, 235, 235));
                }
            }
        }
    }
}
