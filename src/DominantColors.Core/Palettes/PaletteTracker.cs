using DominantColors.Frames;

namespace DominantColors.Palettes;

/// <summary>
/// Palettes for a stream of frames (one tracker per stream, or per zone). Each frame starts k-means from the
/// previous frame's centers with a few iterations, so clusters keep their slot (see <see cref="Palette.BySlot"/>)
/// and lights do not swap colors. When the error per pixel jumps past <see cref="ExtractionOptions.SceneCutRatio"/>
/// times the previous frame's, the frame is also clustered cold and the better result kept.
/// Not thread-safe; after the first frames, an update allocates nothing.
/// </summary>
public sealed class PaletteTracker
{
    /// <summary>Error per pixel below which no frame counts as a cut: a squared OKLab distance of about 0.003².</summary>
    private const double CutErrorFloor = 1e-5;

    /// <summary>
    /// A warm frame stops iterating once no center moves farther than this OKLab distance in a pass: a twentieth
    /// of a just-noticeable difference (about 0.02), far below what a light shows.
    /// </summary>
    private const float SettledShift = 0.001f;

    private readonly PaletteExtractor _extractor;
    private readonly KMeans _warm = new();
    private readonly KMeans _cold = new();
    private readonly KMeans _matched = new();
    private readonly Palette _palette;
    private double _previousErrorPerPixel;
    private bool _hasState;

    public PaletteTracker(ExtractionOptions options)
    {
        _extractor = new PaletteExtractor(options);
        _palette = new Palette(options.Colors);
    }

    public ExtractionOptions Options => _extractor.Options;

    /// <summary>The palette of the last update (owned by the tracker, overwritten by the next update).</summary>
    public Palette Current => _palette;

    /// <summary>Whether the last update saw the error jump and ran a cold start.</summary>
    public bool LastWasSceneCut { get; private set; }

    /// <summary>Whether the last update's palette came from a cold start (the first frame, or a cut the cold run won).</summary>
    public bool LastWasColdStart { get; private set; }

    /// <summary>Updates since the palette last came from a cold start; 0 on that frame.</summary>
    public int FramesSinceColdStart { get; private set; }

    /// <summary>The weighted mean squared OKLab error of the sampled pixels to the last palette.</summary>
    public double LastErrorPerPixel { get; private set; }

    /// <summary>
    /// The palette of the next frame. The returned instance belongs to the tracker and is valid until the next
    /// <see cref="Update(Rgb24Image)"/> or <see cref="Reset"/>; use <see cref="Palette.Clone"/> to keep one.
    /// </summary>
    public Palette Update(Rgb24Image image)
    {
        Span<PixelRect> whole = [new PixelRect(0, 0, image.Width, image.Height)];
        return Update(image, whole);
    }

    /// <summary>Forgets the stream: the next update starts cold.</summary>
    public void Reset()
    {
        _hasState = false;
        _warm.Clear();
        _palette.Clear();
        _previousErrorPerPixel = 0;
        LastWasSceneCut = false;
        LastWasColdStart = false;
        FramesSinceColdStart = 0;
        LastErrorPerPixel = 0;
    }

    internal Palette Update(Rgb24Image image, ReadOnlySpan<PixelRect> regions)
    {
        _extractor.Sample(image, regions);
        var histogram = _extractor.Histogram;
        LastWasSceneCut = false;
        LastWasColdStart = false;
        if (histogram.PointCount == 0)
        {
            // Nothing to see (a 0x0 image): keep the clusters for the next real frame.
            _palette.Clear();
            LastErrorPerPixel = 0;
            FramesSinceColdStart++;
            return _palette;
        }

        var points = _extractor.Points;
        var weights = histogram.Weights;
        if (!_hasState)
        {
            _extractor.ClusterCold(_warm);
            _hasState = true;
            LastWasColdStart = true;
        }
        else
        {
            var k = Math.Min(Options.Colors, points.Count);
            if (_warm.Count < k)
            {
                _warm.Seed(points, weights, k, (ulong)(uint)Options.Seed);
            }

            _warm.Refine(points, weights, Options.WarmIterations, SettledShift);

            // The cut test uses the error of this frame against last frame's centers, before they adapt:
            // a few warm iterations can pull even a poor start close enough to hide the jump.
            var errorPerPixel = _warm.StartError / histogram.SampleCount;
            if (errorPerPixel > CutErrorFloor && errorPerPixel > _previousErrorPerPixel * Options.SceneCutRatio)
            {
                LastWasSceneCut = true;
                _extractor.ClusterCold(_cold);
                if (_cold.Error < _warm.Error)
                {
                    AdoptKeepingSlots(_cold);
                    LastWasColdStart = true;
                }
            }
        }

        FramesSinceColdStart = LastWasColdStart ? 0 : FramesSinceColdStart + 1;
        LastErrorPerPixel = _warm.Error / histogram.SampleCount;
        _previousErrorPerPixel = LastErrorPerPixel;
        _palette.Set(_warm.CenterL, _warm.CenterA, _warm.CenterB, _warm.ClusterWeights);
        return _palette;
    }

    /// <summary>
    /// Takes <paramref name="fresh"/>'s centers, putting each in the slot whose previous center is nearest
    /// (greedy, closest pairs first), so whatever survives a cut keeps its slot.
    /// </summary>
    private void AdoptKeepingSlots(KMeans fresh)
    {
        var n = fresh.Count;
        Span<bool> slotTaken = stackalloc bool[ExtractionOptions.MaxColors];
        Span<bool> centerTaken = stackalloc bool[ExtractionOptions.MaxColors];
        var previous = _warm.Centers;
        var next = fresh.Centers;
        for (var pair = 0; pair < n; pair++)
        {
            int bestSlot = -1, bestCenter = -1;
            var best = float.PositiveInfinity;
            for (var s = 0; s < n; s++)
            {
                if (slotTaken[s])
                {
                    continue;
                }

                for (var c = 0; c < n; c++)
                {
                    if (centerTaken[c])
                    {
                        continue;
                    }

                    var d = s < previous.Count ? Distance(previous, s, next, c) : float.MaxValue;
                    if (bestSlot < 0 || d < best)
                    {
                        (best, bestSlot, bestCenter) = (d, s, c);
                    }
                }
            }

            slotTaken[bestSlot] = true;
            centerTaken[bestCenter] = true;
            _matched.SetCenter(bestSlot, fresh, bestCenter);
        }

        _matched.SetCount(n, fresh.Error);
        _warm.CopyFrom(_matched);
    }

    private static float Distance(in PointSet x, int i, in PointSet y, int j)
    {
        var dl = x.L[i] - y.L[j];
        var da = x.A[i] - y.A[j];
        var db = x.B[i] - y.B[j];
        return (dl * dl) + (da * da) + (db * db);
    }
}
