using DominantColors.Hue.Bridge;

namespace DominantColors.Hue.Sinks;

/// <summary>
/// Nine screen regions an entertainment channel can follow when the config does not map it: the corners, the edges
/// and the center, hugging the borders (a quarter of the picture deep) where ambient light matters. A channel takes
/// the region of its position in the area: x left to right, z bottom to top; y (front/back) does not matter.
/// </summary>
public static class ScreenGrid
{
    /// <summary>Cell names, row by row from the top-left.</summary>
    public static readonly IReadOnlyList<string> CellNames =
        ["top-left", "top", "top-right", "left", "center", "right", "bottom-left", "bottom", "bottom-right"];

    private static readonly (float Start, float Length)[] Bands = [(0f, 0.25f), (0.25f, 0.5f), (0.75f, 0.25f)];

    /// <summary>The region of cell <paramref name="index"/> as fractions of the picture (x, y, width, height; y down).</summary>
    public static (float X, float Y, float Width, float Height) Area(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, CellNames.Count);
        var (x, width) = Bands[index % 3];
        var (y, height) = Bands[index / 3];
        return (x, y, width, height);
    }

    /// <summary>The cell a channel at <paramref name="position"/> looks at.</summary>
    public static int CellOf(ChannelPosition position)
    {
        var column = Band((position.X + 1) / 2);
        var row = Band((1 - position.Z) / 2);
        return (row * 3) + column;
    }

    private static int Band(double fraction) => fraction < 1.0 / 3 ? 0 : fraction < 2.0 / 3 ? 1 : 2;
}
