namespace DominantColors.Hue.Streaming;

/// <summary>Byte 14 of a HueStream v2 frame: how the three 16-bit values of each channel are read.</summary>
public enum HueStreamColorSpace : byte
{
    /// <summary>R, G, B; the bridge maps them into each lamp's gamut.</summary>
    Rgb = 0,

    /// <summary>x, y, brightness; already inside each lamp's gamut.</summary>
    XyBrightness = 1,
}
