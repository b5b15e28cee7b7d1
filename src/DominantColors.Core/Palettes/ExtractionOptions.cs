namespace DominantColors.Palettes;

/// <summary>How palettes are extracted. Every property is checked when it is set.</summary>
public sealed class ExtractionOptions
{
    /// <summary>The most colors a palette may hold.</summary>
    public const int MaxColors = 32;

    /// <summary>The most pixels <see cref="MaxSamples"/> allows; per-bin sums of 8-bit channels stay within an int.</summary>
    public const int MaxSampleLimit = 1 << 23;

    private readonly int _colors = 3;
    private readonly int _histogramBits = 5;
    private readonly int _restarts = 1;
    private readonly int _maxIterations = 20;
    private readonly int _warmIterations = 3;
    private readonly float _sceneCutRatio = 2f;
    private readonly int _maxSamples = 1 << 14;

    public static ExtractionOptions Default { get; } = new();

    /// <summary>k, the number of clusters: 1 to 32, default 3.</summary>
    public int Colors
    {
        get => _colors;
        init => _colors = InRange(value, 1, MaxColors, nameof(Colors));
    }

    /// <summary>Bits kept per channel when pixels are binned: 3 to 8, default 5 (32 768 bins).</summary>
    public int HistogramBits
    {
        get => _histogramBits;
        init => _histogramBits = InRange(value, 3, 8, nameof(HistogramBits));
    }

    /// <summary>Seeds the k-means++ choice of first centers; the same seed and pixels give the same palette.</summary>
    public int Seed { get; init; }

    /// <summary>Cold starts run this many times from different seeds and keep the lowest error: 1 to 64, default 1.</summary>
    public int Restarts
    {
        get => _restarts;
        init => _restarts = InRange(value, 1, 64, nameof(Restarts));
    }

    /// <summary>Lloyd iterations for a cold start: 1 to 1000, default 20. Iteration stops early once nothing moves.</summary>
    public int MaxIterations
    {
        get => _maxIterations;
        init => _maxIterations = InRange(value, 1, 1000, nameof(MaxIterations));
    }

    /// <summary>
    /// Lloyd passes (assign, then move) for a warm start from the previous frame's centers: 1 to 100, default 3.
    /// A frame stops earlier once its centers settle.
    /// </summary>
    public int WarmIterations
    {
        get => _warmIterations;
        init => _warmIterations = InRange(value, 1, 100, nameof(WarmIterations));
    }

    /// <summary>
    /// A warm frame whose error per pixel exceeds the previous frame's by this factor counts as a scene cut and is
    /// clustered cold as well, keeping the better result. Greater than 1, default 2.
    /// </summary>
    public float SceneCutRatio
    {
        get => _sceneCutRatio;
        init
        {
            if (!(value > 1f) || !float.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(SceneCutRatio), value, "SceneCutRatio must be a finite number greater than 1.");
            }

            _sceneCutRatio = value;
        }
    }

    /// <summary>
    /// Pixels sampled per image before binning: larger images are read on an even grid, every n-th pixel of every
    /// n-th row. 1 to 8 388 608, default 16 384.
    /// </summary>
    public int MaxSamples
    {
        get => _maxSamples;
        init => _maxSamples = InRange(value, 1, MaxSampleLimit, nameof(MaxSamples));
    }

    private static int InRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");
        }

        return value;
    }
}
