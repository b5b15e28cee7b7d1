using DominantColors.Colors;

namespace DominantColors.Core.Tests.Colors;

public sealed class ColorSpacesTests
{
    // Björn Ottosson's published OKLab values for the sRGB primaries and white.
    [Theory]
    [InlineData(255, 255, 255, 1.00000, 0.00000, 0.00000)]
    [InlineData(255, 0, 0, 0.62796, 0.22486, 0.12585)]
    [InlineData(0, 255, 0, 0.86644, -0.23389, 0.17950)]
    [InlineData(0, 0, 255, 0.45201, -0.03246, -0.31153)]
    [InlineData(0, 0, 0, 0.00000, 0.00000, 0.00000)]
    public void ToOkLab_ReferenceColors_MatchPublishedValues(byte r, byte g, byte b, double l, double a, double bb)
    {
        var lab = ColorSpaces.ToOkLab(new Rgb24(r, g, b));

        Assert.Equal(l, lab.L, 4);
        Assert.Equal(a, lab.A, 4);
        Assert.Equal(bb, lab.B, 4);
    }

    [Fact]
    public void ToRgb24_OfToOkLab_RoundTripsEveryTestedColor()
    {
        for (var r = 0; r < 256; r += 5)
        {
            for (var g = 0; g < 256; g += 3)
            {
                for (var b = 0; b < 256; b += 7)
                {
                    var color = new Rgb24((byte)r, (byte)g, (byte)b);
                    Assert.Equal(color, ColorSpaces.ToRgb24(ColorSpaces.ToOkLab(color)));
                }
            }
        }
    }

    [Fact]
    public void LinearToSrgb_OfSrgbToLinear_RoundTripsEveryByte()
    {
        for (var i = 0; i < 256; i++)
        {
            Assert.Equal(i, ColorSpaces.LinearToSrgb(ColorSpaces.SrgbToLinear((byte)i)));
        }

        Assert.Equal(0f, ColorSpaces.SrgbToLinear(0));
        Assert.Equal(1f, ColorSpaces.SrgbToLinear(255));
        Assert.Equal(0.21586, ColorSpaces.SrgbToLinear(128), 4);
    }

    [Theory]
    [InlineData(-1f, 0)]
    [InlineData(2f, 255)]
    [InlineData(float.NaN, 0)]
    public void LinearToSrgb_OutOfRange_Clamps(float linear, byte expected) =>
        Assert.Equal(expected, ColorSpaces.LinearToSrgb(linear));

    [Fact]
    public void ToRgb24_OutOfGamut_ReducesChromaKeepingHue()
    {
        var vivid = new OkLab(0.7f, 0.3f, 0.3f); // far outside sRGB

        var color = ColorSpaces.ToRgb24(vivid);
        var back = ColorSpaces.ToOkLab(color);

        Assert.Equal(0.7, back.L, 1);
        Assert.True(ColorSpaces.Chroma(back) < ColorSpaces.Chroma(vivid));
        Assert.Equal(MathF.Atan2(vivid.B, vivid.A), MathF.Atan2(back.B, back.A), 1);
    }

    [Fact]
    public void ToRgb24_NotANumber_GivesBlack() =>
        Assert.Equal(Rgb24.Black, ColorSpaces.ToRgb24(new OkLab(float.NaN, float.NaN, float.PositiveInfinity)));

    // CIELAB D65 references (e.g. Bruce Lindbloom's calculator, sRGB, D65).
    [Theory]
    [InlineData(255, 255, 255, 100.0, 0.0, 0.0)]
    [InlineData(255, 0, 0, 53.24, 80.09, 67.20)]
    [InlineData(0, 0, 255, 32.30, 79.19, -107.86)]
    [InlineData(128, 128, 128, 53.59, 0.0, 0.0)]
    public void ToCieLab_ReferenceColors_MatchPublishedValues(byte r, byte g, byte b, double l, double a, double bb)
    {
        var lab = ColorSpaces.ToCieLab(new Rgb24(r, g, b));

        Assert.Equal(l, lab.L, 0.02);
        Assert.Equal(a, lab.A, 0.02);
        Assert.Equal(bb, lab.B, 0.02);
    }

    [Fact]
    public void ChromaAndDistance_KnownValues_AreEuclidean()
    {
        Assert.Equal(5f, ColorSpaces.Chroma(new OkLab(0.5f, 3f, 4f)));
        Assert.Equal(1f + 4f + 9f, ColorSpaces.DistanceSquared(new OkLab(1f, 2f, 3f), new OkLab(0f, 0f, 0f)));
    }
}
