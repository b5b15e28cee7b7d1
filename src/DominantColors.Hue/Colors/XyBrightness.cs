namespace DominantColors.Hue.Colors;

/// <summary>
/// What a Hue light is told: a chromaticity inside its gamut and a brightness (0 to 1) relative to the most the light
/// gives at that chromaticity, on the bulb's perceptual scale: the color's value, its largest sRGB-encoded channel
/// (see <see cref="XyColorConverter"/>).
/// </summary>
public readonly record struct XyBrightness(CieXy Xy, double Brightness)
{
    /// <summary>True for black: the light should be dark.</summary>
    public bool IsDark => Brightness <= 0;
}
