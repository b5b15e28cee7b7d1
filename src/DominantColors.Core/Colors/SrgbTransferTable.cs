namespace DominantColors.Colors;

/// <summary>
/// Linear light back to 8-bit sRGB through a table, for per-frame stages that encode a few colors many times a
/// second (<see cref="ColorSpaces.LinearToSrgb"/> calls pow each time). 16384 steps: five or more per 8-bit
/// code even at the dark end, so every code survives the round trip through <see cref="ColorSpaces.SrgbToLinear"/>.
/// </summary>
internal static class SrgbTransferTable
{
    private const int EncodeSteps = 16383;

    private static readonly byte[] EncodeTable = BuildEncode();

    public static int EncodeLength => EncodeSteps + 1;

    /// <summary>The 8-bit sRGB code of linear light (clamped to 0..1; NaN is 0).</summary>
    public static byte ToSrgb(float linear) => EncodeTable[Index(linear)];

    /// <summary>The table index of linear light, clamped; NaN counts as 0.</summary>
    public static int Index(float linear) => linear > 0f ? (int)((MathF.Min(linear, 1f) * EncodeSteps) + 0.5f) : 0;

    /// <summary>Linear light of each table index.</summary>
    public static double IndexToLinear(int index) => (double)index / EncodeSteps;

    /// <summary>The exact sRGB encoding of linear light (0..1), for building tables.</summary>
    public static double Encode(double linear) => linear <= 0.0031308 ? linear * 12.92 : (1.055 * Math.Pow(linear, 1 / 2.4)) - 0.055;

    /// <summary>The nearest 8-bit sRGB color of an OKLab color, clamped into the sRGB gamut per channel.</summary>
    /// <remarks>Cheaper than <see cref="ColorSpaces.ToRgb24"/>, which keeps hue by bisecting chroma; good enough for
    /// colors between in-gamut colors, which stray out of gamut by a hair at most.</remarks>
    public static Rgb24 ToRgb24(OkLab lab)
    {
        var (r, g, b) = ColorSpaces.OkLabToLinear(lab.L, lab.A, lab.B);
        return new Rgb24(ToSrgb(r), ToSrgb(g), ToSrgb(b));
    }

    private static byte[] BuildEncode()
    {
        var table = new byte[EncodeLength];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (byte)Math.Round(Encode(IndexToLinear(i)) * 255.0);
        }

        return table;
    }
}
