using DominantColors.Frames;

namespace DominantColors.Palettes;

/// <summary>
/// Finds the dominant colors of single images: samples the pixels into a histogram, then runs weighted k-means in
/// OKLab from a greedy k-means++ start, keeping the best of <see cref="ExtractionOptions.Restarts"/> runs.
/// Reusable and deterministic, but not thread-safe: it owns its buffers; use one per thread.
/// </summary>
public sealed class PaletteExtractor
{
    private readonly ColorHistogram _histogram;
    private readonly KMeans _trial = new();
    private readonly KMeans _best = new();

    public PaletteExtractor(ExtractionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _histogram = new ColorHistogram(options.HistogramBits, options.MaxSamples);
    }

    public ExtractionOptions Options { get; }

    internal ColorHistogram Histogram => _histogram;

    internal PointSet Points => new(_histogram.L, _histogram.A, _histogram.B);

    /// <summary>A cold palette of <paramref name="image"/>; the caller keeps the returned instance.</summary>
    public Palette Extract(Rgb24Image image)
    {
        Span<PixelRect> whole = [new PixelRect(0, 0, image.Width, image.Height)];
        Sample(image, whole);
        var palette = new Palette(Options.Colors);
        if (_histogram.PointCount == 0)
        {
            return palette;
        }

        ClusterCold(_best);
        palette.Set(_best.CenterL, _best.CenterA, _best.CenterB, _best.ClusterWeights);
        return palette;
    }

    /// <summary>
    /// How many center moves a cold run may try after Lloyd: enough to offer each center two targets at k = 8.
    /// Each try costs a Lloyd run.
    /// </summary>
    private static int RelocationMoves(int k) => Math.Clamp(2 * k, 8, 16);

    /// <summary>Fills the histogram from the regions of <paramref name="image"/>, sampled on one shared grid step.</summary>
    internal void Sample(Rgb24Image image, ReadOnlySpan<PixelRect> regions)
    {
        _histogram.Clear();
        var area = 0L;
        foreach (var region in regions)
        {
            area += region.Area;
        }

        var step = ColorHistogram.SampleStep(area, Options.MaxSamples);
        foreach (var region in regions)
        {
            _histogram.Add(image.Slice(region.X, region.Y, region.Width, region.Height), step);
        }

        _histogram.BuildPoints();
    }

    /// <summary>Clusters the sampled points from scratch, best of the configured restarts, into <paramref name="result"/>.</summary>
    internal void ClusterCold(KMeans result)
    {
        var points = Points;
        var k = Math.Min(Options.Colors, points.Count);
        for (var restart = 0; restart < Options.Restarts; restart++)
        {
            var target = restart == 0 ? result : _trial;
            target.Clear();
            target.Seed(points, _histogram.Weights, k, ((ulong)(uint)Options.Seed << 32) | (uint)restart);
            target.Lloyd(points, _histogram.Weights, Options.MaxIterations);
            target.Relocate(points, _histogram.Weights, Options.MaxIterations, RelocationMoves(k));
            if (restart > 0 && _trial.Error < result.Error)
            {
                result.CopyFrom(_trial);
            }
        }
    }
}
