using DominantColors.Hue.Colors;

namespace DominantColors.Hue.Tests.Colors;

public sealed class ColorGamutTests
{
    [Fact]
    public void Clamp_PointInside_ReturnsItUnchanged()
    {
        var point = new CieXy(0.4, 0.4);

        Assert.Equal(point, ColorGamut.C.Clamp(point));
    }

    [Fact]
    public void Clamp_PointBeyondEdge_ReturnsFootOfPerpendicular()
    {
        // Below the blue-red edge of the unknown gamut (the x axis): straight up onto it.
        var clamped = ColorGamut.Unknown.Clamp(new CieXy(0.5, -0.2));

        Assert.Equal(0.5, clamped.X, 1e-12);
        Assert.Equal(0.0, clamped.Y, 1e-12);
    }

    [Fact]
    public void Clamp_PointBeyondCorner_ReturnsCorner()
    {
        var clamped = ColorGamut.C.Clamp(new CieXy(0.9, 0.3));

        Assert.Equal(ColorGamut.C.Red, clamped);
    }

    [Theory]
    [InlineData("A", 0.704)]
    [InlineData("B", 0.675)]
    [InlineData("C", 0.6915)]
    [InlineData("other", 1.0)]
    public void FromType_Letter_PicksPublishedTriangle(string type, double redX)
    {
        Assert.Equal(redX, ColorGamut.FromType(type).Red.X);
    }
}
