namespace DominantColors.Hue.Colors;

/// <summary>Which RGB space the input colors are read in before they become xy.</summary>
public enum RgbPrimaries
{
    /// <summary>sRGB / Rec.709 primaries, D65 white: correct for video.</summary>
    Srgb,

    /// <summary>The wider primaries of Philips' own conversion: more saturated, warmer white.</summary>
    HueWide,
}
