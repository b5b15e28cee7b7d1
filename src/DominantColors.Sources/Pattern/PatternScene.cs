namespace DominantColors.Sources.Pattern;

/// <summary>
/// The demo picture as a function of time. A full-screen color whose hue turns once per <see cref="Period"/>, a
/// block of the opposite hue over the right third, and letterbox bars (black, an eighth of the height, top and bottom)
/// so the border crop has something to find. During the last <see cref="DarkFraction"/> of each period the picture
/// is black, as if the TV were off (0 turns that off).
/// </summary>
public sealed class PatternScene
{
    public PatternScene(TimeSpan period, double darkFraction = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(darkFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(darkFraction, 1.0);
        Period = period;
        DarkFraction = darkFraction;
    }

    public TimeSpan Period { get; }

    public double DarkFraction { get; }

    /// <summary>The hue (0..1) of the background at <paramref name="elapsed"/>; the right block has hue + 0.5.</summary>
    public double HueAt(TimeSpan elapsed) => (elapsed.Ticks % Period.Ticks) / (double)Period.Ticks;

    /// <summary>True while the scene shows a black picture.</summary>
    public bool IsDarkAt(TimeSpan elapsed) => DarkFraction > 0 && HueAt(elapsed) >= 1 - DarkFraction;

    /// <summary>The background color at <paramref name="elapsed"/> (what a whole-picture dominant pick should find).</summary>
    public (byte R, byte G, byte B) BackgroundAt(TimeSpan elapsed) => FromHue(HueAt(elapsed));

    /// <summary>Draws the scene into RGB24 <paramref name="pixels"/>. Allocates nothing.</summary>
    public void Render(TimeSpan elapsed, int width, int height, Span<byte> pixels)
    {
        pixels = pixels[..(width * height * 3)];
        if (IsDarkAt(elapsed))
        {
            pixels.Clear();
            return;
        }

        var hue = HueAt(elapsed);
        var (r, g, b) = FromHue(hue);
        var (cr, cg, cb) = FromHue(hue + 0.5);
        var bar = height / 8;
        var blockStart = width * 2 / 3;
        for (var y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * width * 3, width * 3);
            if (y < bar || y >= height - bar)
            {
                row.Clear();
                continue;
            }

            for (var x = 0; x < width; x++)
            {
                var block = x >= blockStart;
                row[x * 3] = block ? cr : r;
                row[(x * 3) + 1] = block ? cg : g;
                row[(x * 3) + 2] = block ? cb : b;
            }
        }
    }

    /// <summary>A saturated color of the given hue (0..1, wrapping), at 80% value.</summary>
    public static (byte R, byte G, byte B) FromHue(double hue)
    {
        hue -= Math.Floor(hue);
        var h = hue * 6;
        var sector = (int)h;
        var f = h - sector;
        const double v = 0.8 * 255;
        var up = (byte)Math.Round(v * f);
        var down = (byte)Math.Round(v * (1 - f));
        const byte full = (byte)v;
        return sector switch
        {
            0 => (full, up, 0),
            1 => (down, full, 0),
            2 => (0, full, up),
            3 => (0, down, full),
            4 => (up, 0, full),
            _ => (full, 0, down),
        };
    }
}
