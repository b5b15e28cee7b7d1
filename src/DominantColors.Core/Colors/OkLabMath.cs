namespace DominantColors.Colors;

/// <summary>
/// OKLab (Björn Ottosson, 2020) to and from linear sRGB on plain floats, for stages that keep per-light state
/// in OKLab between frames. Allocates nothing.
/// </summary>
internal static class OkLabMath
{
    public static void FromLinear(float r, float g, float b, out float lightness, out float a, out float bOut)
    {
        var l = MathF.Cbrt((0.4122214708f * r) + (0.5363325363f * g) + (0.0514459929f * b));
        var m = MathF.Cbrt((0.2119034982f * r) + (0.6806995451f * g) + (0.1073969566f * b));
        var s = MathF.Cbrt((0.0883024619f * r) + (0.2817188376f * g) + (0.6299787005f * b));
        lightness = (0.2104542553f * l) + (0.7936177850f * m) - (0.0040720468f * s);
        a = (1.9779984951f * l) - (2.4285922050f * m) + (0.4505937099f * s);
        bOut = (0.0259040371f * l) + (0.7827717662f * m) - (0.8086757660f * s);
    }

    public static void ToLinear(float lightness, float a, float b, out float r, out float g, out float bOut)
    {
        var l = lightness + (0.3963377774f * a) + (0.2158037573f * b);
        var m = lightness - (0.1055613458f * a) - (0.0638541728f * b);
        var s = lightness - (0.0894841775f * a) - (1.2914855480f * b);
        l = l * l * l;
        m = m * m * m;
        s = s * s * s;
        r = (4.0767416621f * l) - (3.3077115913f * m) + (0.2309699292f * s);
        g = (-1.2684380046f * l) + (2.6097574011f * m) - (0.3413193965f * s);
        bOut = (-0.0041960863f * l) - (0.7034186147f * m) + (1.7076147010f * s);
    }

    /// <summary>OKLab of an 8-bit sRGB color.</summary>
    public static void FromRgb24(Rgb24 color, out float lightness, out float a, out float b) =>
        FromLinear(
            SrgbTransferTable.ToLinear(color.R),
            SrgbTransferTable.ToLinear(color.G),
            SrgbTransferTable.ToLinear(color.B),
            out lightness,
            out a,
            out b);

    /// <summary>The nearest 8-bit sRGB color of an OKLab color, clamped into the sRGB gamut per channel.</summary>
    public static Rgb24 ToRgb24(float lightness, float a, float b)
    {
        ToLinear(lightness, a, b, out var r, out var g, out var bl);
        return new Rgb24(SrgbTransferTable.ToSrgb(r), SrgbTransferTable.ToSrgb(g), SrgbTransferTable.ToSrgb(bl));
    }
}
