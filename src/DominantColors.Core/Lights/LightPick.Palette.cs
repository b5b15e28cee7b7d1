using DominantColors.Colors;
using DominantColors.Palettes;

namespace DominantColors.Lights;

/// <content>Applying a pick to a zone's palette.</content>
public readonly partial record struct LightPick
{
    /// <summary>
    /// The palette entry this pick chooses: <see cref="Palette.Dominant"/>, <see cref="Palette.Accent"/>, or the
    /// entry at the rank (past the end: the last one). An empty palette gives black with weight 0.
    /// </summary>
    /// <remarks>
    /// This frame's choice alone: with two clusters of nearly equal share it changes from frame to frame. A light
    /// follows its pick through <see cref="LightPickHold"/>, which keeps the chosen cluster until another is clearly better.
    /// </remarks>
    /// <param name="palette">The zone's palette.</param>
    /// <param name="filter">Entries the dominant and accent picks skip (e.g. letterbox blacks); rank ignores it.</param>
    public PaletteEntry Select(Palette palette, PaletteFilter filter = default)
    {
        ArgumentNullException.ThrowIfNull(palette);
        return Kind switch
        {
            LightPickKind.Dominant => palette.Dominant(filter),
            LightPickKind.Accent => palette.Accent(filter),
            _ => palette.Rank(Rank - 1),
        };
    }

    /// <summary>The color of <see cref="Select"/>. Allocates nothing.</summary>
    public Rgb24 Apply(Palette palette, PaletteFilter filter = default) => Select(palette, filter).Color;
}
