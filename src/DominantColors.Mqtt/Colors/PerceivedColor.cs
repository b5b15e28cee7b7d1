using DominantColors.Colors;

namespace DominantColors.Mqtt.Colors;

/// <summary>
/// The few color conversions the MQTT payloads and the visible-change test need: sRGB to linear light, to OKLab
/// (Björn Ottosson's matrices) and to CIE 1931 xy. Table lookups and a handful of multiplies; nothing allocates.
/// </summary>
internal static class PerceivedColor
{
    private static readonly float[] Linear = BuildLinearTable();

    /// <summary>The OKLab distance between two colors; about 0.02 is the smallest change most people see.</summary>
    public static float OkLabDistance(Rgb24 a, Rgb24 b)
    {
        if (a == b)
        {
            return 0;
        }

        var (l1, a1, b1) = ToOkLab(a);
        var (l2, a2, b2) = ToOkLab(b);
        var dl = l1 - l2;
        var da = a1 - a2;
        var db = b1 - b2;
        return MathF.Sqrt((dl * dl) + (da * da) + (db * db));
    }

    public static (float L, float A, float B) ToOkLab(Rgb24 color)
    {
        var r = Linear[color.R];
        var g = Linear[color.G];
        var b = Linear[color.B];
        var l = MathF.Cbrt((0.4122214708f * r) + (0.5363325363f * g) + (0.0514459929f * b));
        var m = MathF.Cbrt((0.2119034982f * r) + (0.6806995451f * g) + (0.1073969566f * b));
        var s = MathF.Cbrt((0.0883024619f * r) + (0.2817188376f * g) + (0.6299787005f * b));
        return (
            (0.2104542553f * l) + (0.7936177850f * m) - (0.0040720468f * s),
            (1.9779984951f * l) - (2.4285922050f * m) + (0.4505937099f * s),
            (0.0259040371f * l) + (0.7827717662f * m) - (0.8086757660f * s));
    }

    /// <summary>CIE 1931 chromaticity of an sRGB color (D65); black has none and maps to the white point.</summary>
    public static (double X, double Y) ToCieXy(Rgb24 color)
    {
        double r = Linear[color.R];
        double g = Linear[color.G];
        double b = Linear[color.B];
        var x = (0.4124564 * r) + (0.3575761 * g) + (0.1804375 * b);
        var y = (0.2126729 * r) + (0.7151522 * g) + (0.0721750 * b);
        var z = (0.0193339 * r) + (0.1191920 * g) + (0.9503041 * b);
        var sum = x + y + z;
        return sum <= 0 ? (0.3127, 0.3290) : (x / sum, y / sum);
    }

    private static float[] BuildLinearTable()
    {
        var table = new float[256];
        for (var i = 0; i < table.Length; i++)
        {
            var c = i / 255.0;
            table[i] = (float)(c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4));
        }

        return table;
    }
}
