namespace DominantColors.Colors;

/// <summary>
/// Conversions between sRGB, linear light, OKLab and CIELAB (D65). Reference: Björn Ottosson,
/// "A perceptual color space for image processing" (2020), whose matrices are used verbatim.
/// </summary>
public static class ColorSpaces
{
    // One float per sRGB byte: the transfer function has a pow() in it, far too slow per pixel.
    private static readonly float[] LinearLut = BuildLinearLut();

    /// <summary>Decodes an sRGB byte to linear light in [0, 1] through a 256-entry table.</summary>
    public static float SrgbToLinear(byte value) => LinearLut[value];

    /// <summary>Encodes linear light to an sRGB byte, clamping to [0, 1] first and rounding to nearest.</summary>
    public static byte LinearToSrgb(float linear)
    {
        if (!(linear > 0f))
        {
            return 0; // also NaN
        }

        if (linear >= 1f)
        {
            return 255;
        }

        var encoded = linear <= 0.0031308f
            ? 12.92f * linear
            : (1.055f * MathF.Pow(linear, 1f / 2.4f)) - 0.055f;
        return (byte)Math.Clamp((int)MathF.Round(encoded * 255f), 0, 255);
    }

    public static OkLab ToOkLab(Rgb24 color) =>
        LinearToOkLab(LinearLut[color.R], LinearLut[color.G], LinearLut[color.B]);

    /// <summary>OKLab of a color given in linear light.</summary>
    public static OkLab LinearToOkLab(float r, float g, float b)
    {
        var l = MathF.Cbrt((0.4122214708f * r) + (0.5363325363f * g) + (0.0514459929f * b));
        var m = MathF.Cbrt((0.2119034982f * r) + (0.6806995451f * g) + (0.1073969566f * b));
        var s = MathF.Cbrt((0.0883024619f * r) + (0.2817188376f * g) + (0.6299787005f * b));
        return new OkLab(
            (0.2104542553f * l) + (0.7936177850f * m) - (0.0040720468f * s),
            (1.9779984951f * l) - (2.4285922050f * m) + (0.4505937099f * s),
            (0.0259040371f * l) + (0.7827717662f * m) - (0.8086757660f * s));
    }

    /// <summary>
    /// The sRGB color nearest to <paramref name="lab"/>: lightness is clamped to [0, 1] and, when the color lies
    /// outside the sRGB gamut, chroma is reduced at constant lightness and hue until it fits.
    /// </summary>
    public static Rgb24 ToRgb24(OkLab lab)
    {
        var l = float.IsNaN(lab.L) ? 0f : Math.Clamp(lab.L, 0f, 1f);
        var a = float.IsFinite(lab.A) ? lab.A : 0f;
        var b = float.IsFinite(lab.B) ? lab.B : 0f;
        var (r, g, bl) = OkLabToLinear(l, a, b);
        if (!InGamut(r, g, bl))
        {
            // Bisect the chroma scale: at scale 0 the color is a grey of lightness l, always in gamut.
            float low = 0f, high = 1f;
            for (var i = 0; i < 20; i++)
            {
                var mid = 0.5f * (low + high);
                var (tr, tg, tb) = OkLabToLinear(l, a * mid, b * mid);
                if (InGamut(tr, tg, tb))
                {
                    low = mid;
                }
                else
                {
                    high = mid;
                }
            }

            (r, g, bl) = OkLabToLinear(l, a * low, b * low);
        }

        return new Rgb24(LinearToSrgb(r), LinearToSrgb(g), LinearToSrgb(bl));
    }

    /// <summary>CIELAB (D65 white, 2° observer) for reports: L in 0..100, a and b roughly -128..127.</summary>
    public static (float L, float A, float B) ToCieLab(Rgb24 color)
    {
        double r = LinearLut[color.R], g = LinearLut[color.G], b = LinearLut[color.B];
        var x = ((0.4123907993 * r) + (0.3575843394 * g) + (0.1804807884 * b)) / 0.95047;
        var y = (0.2126390059 * r) + (0.7151686788 * g) + (0.0721923054 * b);
        var z = ((0.0193308187 * r) + (0.1191947798 * g) + (0.9505321522 * b)) / 1.08883;
        double fx = LabF(x), fy = LabF(y), fz = LabF(z);
        return ((float)((116 * fy) - 16), (float)(500 * (fx - fy)), (float)(200 * (fy - fz)));
    }

    /// <summary>Colorfulness: the distance from the grey axis.</summary>
    public static float Chroma(OkLab lab) => MathF.Sqrt((lab.A * lab.A) + (lab.B * lab.B));

    public static float DistanceSquared(OkLab x, OkLab y)
    {
        var dl = x.L - y.L;
        var da = x.A - y.A;
        var db = x.B - y.B;
        return (dl * dl) + (da * da) + (db * db);
    }

    internal static (float R, float G, float B) OkLabToLinear(float lightness, float a, float b)
    {
        var l = lightness + (0.3963377774f * a) + (0.2158037573f * b);
        var m = lightness - (0.1055613458f * a) - (0.0638541728f * b);
        var s = lightness - (0.0894841775f * a) - (1.2914855480f * b);
        l = l * l * l;
        m = m * m * m;
        s = s * s * s;
        return (
            (4.0767416621f * l) - (3.3077115913f * m) + (0.2309699292f * s),
            (-1.2684380046f * l) + (2.6097574011f * m) - (0.3413193965f * s),
            (-0.0041960863f * l) - (0.7034186147f * m) + (1.7076147010f * s));
    }

    private static bool InGamut(float r, float g, float b)
    {
        // Half a step of an 8-bit channel: anything closer than that rounds into range anyway.
        const float Low = -0.0002f, High = 1.0002f;
        return r >= Low && r <= High && g >= Low && g <= High && b >= Low && b <= High;
    }

    private static double LabF(double t) =>
        t > 216.0 / 24389.0 ? Math.Cbrt(t) : ((24389.0 / 27.0 * t) + 16.0) / 116.0;

    private static float[] BuildLinearLut()
    {
        var lut = new float[256];
        for (var i = 0; i < lut.Length; i++)
        {
            var c = i / 255.0;
            lut[i] = (float)(c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4));
        }

        return lut;
    }
}
