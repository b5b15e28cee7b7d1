namespace DominantColors.Colors;

/// <summary>
/// The sRGB transfer function as tables, for per-frame stages that convert a few colors many times a second:
/// 8-bit sRGB to linear light (256 entries) and linear light back to 8-bit sRGB (16384 steps: five or more per
/// 8-bit code even at the dark end, so every code survives the round trip).
/// </summary>
internal static class SrgbTransferTable
{
    private const int EncodeSteps = 16383;

    private static readonly float[] DecodeTable = BuildDecode();
    private static readonly byte[] EncodeTable = BuildEncode();

    /// <summary>Linear light 0..1 of an 8-bit sRGB code.</summary>
    public static float ToLinear(byte value) => DecodeTable[value];

    /// <summary>The 8-bit sRGB code of linear light (clamped to 0..1).</summary>
    public static byte ToSrgb(float linear) => EncodeTable[Index(linear)];

    /// <summary>The table index of linear light, clamped; NaN counts as 0.</summary>
    public static int Index(float linear) => linear > 0f ? (int)(MathF.Min(linear, 1f) * EncodeSteps + 0.5f) : 0;

    /// <summary>The exact transfer function, for building tables.</summary>
    public static double Decode(double srgb) => srgb <= 0.04045 ? srgb / 12.92 : Math.Pow((srgb + 0.055) / 1.055, 2.4);

    /// <summary>The exact inverse transfer function, for building tables.</summary>
    public static double Encode(double linear) => linear <= 0.0031308 ? linear * 12.92 : (1.055 * Math.Pow(linear, 1 / 2.4)) - 0.055;

    /// <summary>Linear light of each encode-table index.</summary>
    public static double IndexToLinear(int index) => (double)index / EncodeSteps;

    public static int EncodeLength => EncodeSteps + 1;

    private static float[] BuildDecode()
    {
        var table = new float[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (float)Decode(i / 255.0);
        }

        return table;
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
