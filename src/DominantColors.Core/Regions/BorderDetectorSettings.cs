namespace DominantColors.Regions;

/// <summary>How <see cref="BorderDetector"/> tells a black bar from a dark picture.</summary>
public sealed record BorderDetectorSettings
{
    /// <summary>A pixel is dark when its brightest channel is at most this fraction of full scale (0..1).</summary>
    /// <remarks>0.1 (25 of 255) also treats limited-range black (16) and compression noise in bars as dark.</remarks>
    public float DarknessThreshold { get; init; } = 0.1f;

    /// <summary>A new crop is taken only after it was seen for this long...</summary>
    public TimeSpan HoldTime { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>...and in at least this many frames, so a slow source cannot switch on two frames.</summary>
    public int HoldFrames { get; init; } = 3;

    /// <summary>
    /// The outer part of a row (this fraction of its length at each end) that must be dark for the row to be
    /// part of a bar. Subtitles sit in the middle of the bottom bar and never reach its ends, so they do not count.
    /// </summary>
    public float EdgeFraction { get; init; } = 0.1f;

    /// <summary>A row with more lit pixels than this fraction of its length is picture, wherever they are.</summary>
    public float RowLitFraction { get; init; } = 0.85f;

    /// <summary>
    /// A column with at most this fraction of its pixels lit is pillarbox bar. Low, because a column of a
    /// letterboxed picture is dark only in the bars (and where subtitles are not).
    /// </summary>
    public float ColumnLitFraction { get; init; } = 0.15f;

    /// <summary>
    /// A bar wider than this fraction of the frame on any side is not believed: a dark half of a scene looks like
    /// a bar, and real letterbox and pillarbox bars stay under a third. Such frames leave the crop as it is.
    /// </summary>
    public float MaxBorderFraction { get; init; } = 0.35f;

    /// <summary>Crops that differ from the current one by at most this many pixels per side are the same crop.</summary>
    public int JitterPixels { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        Require(DarknessThreshold is >= 0f and < 1f, nameof(DarknessThreshold), "in 0..1 (below 1)", DarknessThreshold);
        Require(HoldTime >= TimeSpan.Zero, nameof(HoldTime), "zero or more", HoldTime);
        Require(HoldFrames >= 1, nameof(HoldFrames), "at least 1", HoldFrames);
        Require(EdgeFraction is > 0f and <= 0.5f, nameof(EdgeFraction), "above 0 and at most 0.5", EdgeFraction);
        Require(RowLitFraction is > 0f and <= 1f, nameof(RowLitFraction), "above 0 and at most 1", RowLitFraction);
        Require(ColumnLitFraction is >= 0f and < 1f, nameof(ColumnLitFraction), "in 0..1 (below 1)", ColumnLitFraction);
        Require(MaxBorderFraction is > 0f and < 0.5f, nameof(MaxBorderFraction), "above 0 and below 0.5", MaxBorderFraction);
        Require(JitterPixels >= 0, nameof(JitterPixels), "zero or more", JitterPixels);
    }

    private static void Require(bool ok, string name, string allowed, object value)
    {
        if (!ok)
        {
            throw new ArgumentException(FormattableString.Invariant($"Border detection {name} must be {allowed}, got {value}."), name);
        }
    }
}
