using DominantColors.Colors;

namespace DominantColors.Web.Preview;

/// <summary>One screen zone in a <see cref="PreviewSnapshot"/>: where it is and its palette, in fixed-size buffers.</summary>
internal sealed class PreviewZone
{
    private readonly Rgb24[] _colors = new Rgb24[PreviewSnapshot.MaxColorsPerZone];
    private readonly float[] _weights = new float[PreviewSnapshot.MaxColorsPerZone];

    public string Name { get; private set; } = string.Empty;

    public NormalizedRect Area { get; private set; } = NormalizedRect.Whole;

    public int ColorCount { get; private set; }

    /// <summary>The palette, heaviest color first.</summary>
    public ReadOnlySpan<Rgb24> Colors => _colors.AsSpan(0, ColorCount);

    /// <summary>Each color's share of the zone's pixels (they sum to 1).</summary>
    public ReadOnlySpan<float> Weights => _weights.AsSpan(0, ColorCount);

    internal void Set(string name, NormalizedRect area, ReadOnlySpan<Rgb24> colors, ReadOnlySpan<float> weights)
    {
        Name = name;
        Area = area;
        ColorCount = Math.Min(Math.Min(colors.Length, weights.Length), _colors.Length);
        colors[..ColorCount].CopyTo(_colors);
        weights[..ColorCount].CopyTo(_weights);
    }

    internal void CopyTo(PreviewZone destination)
    {
        destination.Name = Name;
        destination.Area = Area;
        destination.ColorCount = ColorCount;
        Colors.CopyTo(destination._colors);
        Weights.CopyTo(destination._weights);
    }
}
