using DominantColors.Colors;
using DominantColors.Hue.Colors;
using DominantColors.Lights;

namespace DominantColors.Hue.Tests.Colors;

/// <summary>
/// Expected values worked out by hand from the sRGB curve, the published matrices and the gamut triangles. Brightness is
/// the color's value, its largest encoded channel: the bulb's level relative to its most at that chromaticity.
/// </summary>
public sealed class XyColorConverterTests
{
    public static TheoryData<byte, byte, byte, string, double, double, double> SrgbReferences => new()
    {
        { 255, 0, 0, "C", 0.6401, 0.3300, 1.0000 },     // inside C: untouched; full red drives the bulb fully (Y = 0.2126)
        { 0, 255, 0, "C", 0.3000, 0.6000, 1.0000 },     // inside C (Y = 0.7152)
        { 0, 255, 0, "B", 0.4090, 0.5180, 1.0000 },     // beyond B's green corner: the corner
        { 0, 0, 255, "C", 0.1535, 0.0599, 1.0000 },     // just outside C: onto the blue-red edge (Y = 0.0722)
        { 0, 0, 255, "A", 0.1418, 0.0815, 1.0000 },     // outside A: onto the green-blue edge
        { 255, 255, 255, "C", 0.3127, 0.3290, 1.0000 }, // D65 white
        { 255, 128, 0, "C", 0.5430, 0.4070, 1.0000 },   // orange at full value (Y = 0.3670)
        { 128, 128, 128, "C", 0.3127, 0.3290, 0.5020 }, // grey keeps white's chromaticity, darker (128/255)
        { 128, 0, 0, "C", 0.6401, 0.3300, 0.5020 },     // half-code red: the same level as half-code grey (Y: 0.0459)
        { 64, 0, 64, "C", 0.3209, 0.1542, 0.2510 },     // dark purple: dim, not off
        { 1, 0, 0, "C", 0.6401, 0.3300, 0.0039 },       // the faintest red: still on
    };

    [Theory]
    [MemberData(nameof(SrgbReferences))]
    public void Convert_Srgb_MatchesReference(byte r, byte g, byte b, string gamut, double x, double y, double brightness)
    {
        var converter = new XyColorConverter(RgbPrimaries.Srgb);

        var result = converter.Convert(new Rgb24(r, g, b), ColorGamut.FromType(gamut));

        Assert.Equal(x, result.Xy.X, 0.0001);
        Assert.Equal(y, result.Xy.Y, 0.0001);
        Assert.Equal(brightness, result.Brightness, 0.0001);
    }

    [Fact]
    public void Convert_HueWideRed_LandsOnGamutRedCorner()
    {
        var converter = new XyColorConverter(RgbPrimaries.HueWide);

        var inC = converter.Convert(new Rgb24(255, 0, 0), ColorGamut.C);
        var inB = converter.Convert(new Rgb24(255, 0, 0), ColorGamut.B);

        Assert.Equal(ColorGamut.C.Red.X, inC.Xy.X, 0.0001);
        Assert.Equal(ColorGamut.C.Red.Y, inC.Xy.Y, 0.0001);
        Assert.Equal(ColorGamut.B.Red.X, inB.Xy.X, 0.0001);
        Assert.Equal(1.0, inB.Brightness, 0.0001); // the value does not depend on the primaries
    }

    [Theory]
    [InlineData(255, 0, 0)]
    [InlineData(0, 255, 0)]
    [InlineData(0, 0, 255)]
    [InlineData(255, 255, 255)]
    public void Convert_CalibratedFullColor_IsCappedAtTheCalibrationsBrightness(byte r, byte g, byte b)
    {
        var calibration = new Calibration(new CalibrationSettings { Brightness = 0.5f, MinimumBrightness = 0.1f });

        var result = new XyColorConverter().Convert(calibration.Apply(new Rgb24(r, g, b)), ColorGamut.C);

        Assert.Equal(0.7354, result.Brightness, 0.005); // half the light: 0.5 linear, encoded 0.7354 (code 188)
    }

    [Theory]
    [InlineData(8, 0, 0)]
    [InlineData(0, 0, 8)]
    [InlineData(3, 3, 3)]
    public void Convert_CalibratedDarkColor_IsLiftedToTheCalibrationsMinimum(byte r, byte g, byte b)
    {
        var calibration = new Calibration(new CalibrationSettings { Brightness = 0.5f, MinimumBrightness = 0.1f });

        var result = new XyColorConverter().Convert(calibration.Apply(new Rgb24(r, g, b)), ColorGamut.C);

        Assert.Equal(0.3492, result.Brightness, 0.005); // a tenth of the light: 0.1 linear, encoded 0.3492 (code 89)
    }

    [Fact]
    public void Convert_CalibratedBlack_StaysDark()
    {
        var calibration = new Calibration(new CalibrationSettings { Brightness = 0.5f, MinimumBrightness = 0.1f });

        Assert.True(new XyColorConverter().Convert(calibration.Apply(Rgb24.Black), ColorGamut.C).IsDark);
    }

    [Fact]
    public void Convert_Black_IsDarkWithWhiteChromaticity()
    {
        var result = new XyColorConverter().Convert(Rgb24.Black, ColorGamut.C);

        Assert.True(result.IsDark);
        Assert.Equal(0.3127, result.Xy.X, 0.0001);
        Assert.Equal(0.3290, result.Xy.Y, 0.0001);
    }

    [Fact]
    public void Convert_AnyColor_StaysInsideGamut()
    {
        var converter = new XyColorConverter();
        for (var r = 0; r < 256; r += 15)
        {
            for (var g = 0; g < 256; g += 15)
            {
                for (var b = 0; b < 256; b += 15)
                {
                    var xy = converter.Convert(new Rgb24((byte)r, (byte)g, (byte)b), ColorGamut.B).Xy;
                    Assert.True(ColorGamut.B.Contains(new CieXy(xy.X, xy.Y)) || NearEdge(ColorGamut.B, xy), $"{r},{g},{b} -> {xy}");
                }
            }
        }
    }

    private static bool NearEdge(ColorGamut gamut, CieXy xy) =>
        Math.Abs(gamut.Clamp(xy).X - xy.X) < 1e-12 && Math.Abs(gamut.Clamp(xy).Y - xy.Y) < 1e-12;
}
