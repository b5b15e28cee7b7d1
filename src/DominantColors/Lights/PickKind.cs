namespace DominantColors.Lights;

/// <summary>Which color of a zone's palette a light shows.</summary>
internal enum PickKind
{
    /// <summary>The color that covers the most of the zone.</summary>
    Dominant,

    /// <summary>The most colorful color that still covers a visible share (a small bright blue beats a large grey).</summary>
    Accent,

    /// <summary>The color at a given rank by weight (1 = dominant).</summary>
    Rank,
}
