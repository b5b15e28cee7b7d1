namespace DominantColors.Lights;

/// <summary>Which palette entry a light shows.</summary>
public enum LightPickKind
{
    /// <summary>The entry that covers most of the zone.</summary>
    Dominant,

    /// <summary>The most colorful entry that still covers a noticeable share of the zone.</summary>
    Accent,

    /// <summary>The entry at a 1-based rank by coverage (rank 1 is the dominant one).</summary>
    Rank,
}
