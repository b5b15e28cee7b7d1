namespace DominantColors.Lights;

/// <summary>
/// Linear sRGB gains that turn D65 white into the white of a black body at a given temperature, brightest
/// channel 1. The chromaticity follows the Planckian locus (Kim et al., 2002, valid 1667..25000 K); the gains
/// are taken relative to the locus at 6500 K, so 6500 K is exactly neutral.
/// </summary>
internal static class ColorTemperature
{
    public const float Neutral = 6500f;

    public static (float R, float G, float B) Gains(float kelvin)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kelvin, 1667f);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(kelvin, 25000f);
        var (r, g, b) = LinearWhite(kelvin);
        var (r0, g0, b0) = LinearWhite(Neutral);
        r /= r0;
        g /= g0;
        b /= b0;
        var max = Math.Max(r, Math.Max(g, b));
        return ((float)(r / max), (float)(g / max), (float)(b / max));
    }

    /// <summary>Linear sRGB of the locus at <paramref name="kelvin"/> with Y = 1, negatives clamped to 0.</summary>
    private static (double R, double G, double B) LinearWhite(double kelvin)
    {
        var t = kelvin;
        var t2 = t * t;
        var t3 = t2 * t;
        var x = t <= 4000
            ? (-0.2661239e9 / t3) - (0.2343589e6 / t2) + (0.8776956e3 / t) + 0.179910
            : (-3.0258469e9 / t3) + (2.1070379e6 / t2) + (0.2226347e3 / t) + 0.240390;
        var x2 = x * x;
        var x3 = x2 * x;
        var y = t switch
        {
            <= 2222 => (-1.1063814 * x3) - (1.34811020 * x2) + (2.18555832 * x) - 0.20219683,
            <= 4000 => (-0.9549476 * x3) - (1.37418593 * x2) + (2.09137015 * x) - 0.16748867,
            _ => (3.0817580 * x3) - (5.87338670 * x2) + (3.75112997 * x) - 0.37001483,
        };

        var bigX = x / y;
        var bigZ = (1 - x - y) / y;
        var r = (3.2404542 * bigX) - 1.5371385 - (0.4985314 * bigZ);
        var g = (-0.9692660 * bigX) + 1.8760108 + (0.0415560 * bigZ);
        var b = (0.0556434 * bigX) - 0.2040259 + (1.0572252 * bigZ);
        return (Math.Max(r, 0), Math.Max(g, 0), Math.Max(b, 0));
    }
}
