using DominantColors.Frames;

namespace DominantColors.Palettes;

/// <summary>
/// Separate palettes for the middle of the picture (the foreground: faces, subjects) and its edges (the
/// background, what backlights extend). The center is a rectangle covering <see cref="CenterFraction"/> of the
/// width and of the height; the edges are everything around it. Each part has its own <see cref="PaletteTracker"/>,
/// so both are warm-started and allocation-free per frame.
/// </summary>
public sealed class ForegroundSplit
{
    private readonly PaletteTracker _foreground;
    private readonly PaletteTracker _background;

    public ForegroundSplit(ExtractionOptions options, float centerFraction = 0.5f)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!(centerFraction > 0f && centerFraction < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(centerFraction), centerFraction, "The center fraction must lie between 0 and 1, exclusive.");
        }

        CenterFraction = centerFraction;
        _foreground = new PaletteTracker(options);
        _background = new PaletteTracker(options);
    }

    public float CenterFraction { get; }

    /// <summary>The center's palette from the last update; owned by this instance.</summary>
    public Palette Foreground => _foreground.Current;

    /// <summary>The edges' palette from the last update; owned by this instance.</summary>
    public Palette Background => _background.Current;

    /// <summary>The center rectangle of a <paramref name="width"/> × <paramref name="height"/> image.</summary>
    public (int X, int Y, int Width, int Height) CenterOf(int width, int height)
    {
        var w = (int)MathF.Round(width * CenterFraction);
        var h = (int)MathF.Round(height * CenterFraction);
        return ((width - w) / 2, (height - h) / 2, w, h);
    }

    /// <summary>Updates both palettes from <paramref name="image"/>.</summary>
    public void Update(Rgb24Image image)
    {
        var (x, y, w, h) = CenterOf(image.Width, image.Height);
        Span<PixelRect> center = [new PixelRect(x, y, w, h)];
        Span<PixelRect> edges =
        [
            new PixelRect(0, 0, image.Width, y),                           // top band, full width
            new PixelRect(0, y + h, image.Width, image.Height - y - h),     // bottom band, full width
            new PixelRect(0, y, x, h),                                      // left of the center
            new PixelRect(x + w, y, image.Width - x - w, h),                // right of the center
        ];
        _foreground.Update(image, center);
        _background.Update(image, edges);
    }

    /// <summary>Forgets both streams.</summary>
    public void Reset()
    {
        _foreground.Reset();
        _background.Reset();
    }
}
