using DominantColors.Colors;

namespace DominantColors.Mqtt.Colors;

/// <summary>
/// The color measures the MQTT payloads and the visible-change test need, on Core's <see cref="ColorSpaces"/>:
/// the OKLab distance and CIE 1931 xy. Table lookups and a handful of multiplies; nothing allocates.
/// </summary>
internal static class PerceivedColor
{
    /// <summary>The OKLab distance between two colors; about 0.02 is the smallest change most people see.</summary>
    public static float OkLabDistance(Rgb24 a, Rgb24 b) =>
        a == b ? 0 : MathF.Sqrt(ColorSpaces.DistanceSquared(ColorSpaces.ToOkLab(a), ColorSpaces.ToOkLab(b)));

    /// <summary>CIE 1931 chromaticity of an sRGB color (D65); black has none and maps to the white point.</summary>
    public static (double X, double Y) ToCieXy(Rgb24 color)
    {
        double r = ColorSpaces.SrgbToLinear(color.R);
        double g = ColorSpaces.SrgbToLinear(color.G);
        double b = ColorSpaces.SrgbToLinear(color.B);
        var x = (0.4124564 * r) + (0.3575761 * g) + (0.1804375 * b);
        var y = (0.2126729 * r) + (0.7151522 * g) + (0.0721750 * b);
        var z = (0.0193339 * r) + (0.1191920 * g) + (0.9503041 * b);
        var sum = x + y + z;
        return sum <= 0 ? (0.3127, 0.3290) : (x / sum, y / sum);
    }
}
