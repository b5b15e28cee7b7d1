using DominantColors.Colors;

namespace DominantColors.Palettes;

/// <summary>
/// One color of a palette: <see cref="Lab"/> is the cluster center, <see cref="Color"/> its nearest sRGB color,
/// and <see cref="Weight"/> the share of the sampled pixels it stands for (the weights of a palette sum to 1).
/// </summary>
public readonly record struct PaletteEntry(Rgb24 Color, OkLab Lab, float Weight)
{
    /// <summary><c>#rrggbb</c>; allocates a string, so hot paths use <see cref="Rgb24.TryFormatHex"/>.</summary>
    public string Hex => Color.ToHex();

    public float Chroma => ColorSpaces.Chroma(Lab);
}
