namespace DominantColors.Hue.Colors;

/// <summary>What a Hue light is told: a chromaticity inside its gamut and a relative brightness (luminance Y, 0 to 1).</summary>
public readonly record struct XyBrightness(CieXy Xy, double Brightness)
{
    /// <summary>True for black: the light should be dark.</summary>
    public bool IsDark => Brightness <= 0;
}
