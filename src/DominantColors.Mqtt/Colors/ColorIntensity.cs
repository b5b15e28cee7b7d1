using DominantColors.Colors;

namespace DominantColors.Mqtt.Colors;

/// <summary>
/// Splits a color into a full-strength hue and a brightness, for devices that take the two separately
/// (Zigbee, Home Assistant, ESPHome): the brightest channel becomes the brightness and is scaled up to 255.
/// </summary>
internal static class ColorIntensity
{
    /// <summary>Scales <paramref name="color"/> so its brightest channel is 255 and returns that channel's old value.</summary>
    public static Rgb24 Normalize(Rgb24 color, out byte brightness)
    {
        brightness = Math.Max(color.R, Math.Max(color.G, color.B));
        if (brightness == 0)
        {
            return color;
        }

        return new Rgb24(Scale(color.R, brightness), Scale(color.G, brightness), Scale(color.B, brightness));
    }

    /// <summary>Maps 0-255 onto 0-<paramref name="max"/>, never rounding a lit color down to 0.</summary>
    public static int Rescale(byte brightness, int max)
    {
        if (brightness == 0)
        {
            return 0;
        }

        return Math.Max(1, ((brightness * max) + 127) / 255);
    }

    private static byte Scale(byte channel, byte max) => (byte)(((channel * 255) + (max / 2)) / max);
}
