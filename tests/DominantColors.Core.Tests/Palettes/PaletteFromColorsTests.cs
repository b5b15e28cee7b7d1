using DominantColors.Colors;
using DominantColors.Frames;
using DominantColors.Palettes;

namespace DominantColors.Core.Tests.Palettes;

public sealed class PaletteFromColorsTests
{
    private static readonly Rgb24 Red = new(200, 40, 40);
    private static readonly Rgb24 Blue = new(30, 90, 200);
    private static readonly Rgb24 Yellow = new(240, 220, 60);

    [Fact]
    public void FromColors_PixelCounts_SortsByShareAndKeepsTheColors()
    {
        var palette = Palette.FromColors([Red, Blue, Yellow], [100, 300, 600]);

        Assert.Equal([Yellow, Blue, Red], palette.Entries.ToArray().Select(e => e.Color));
        Assert.Equal([0.6f, 0.3f, 0.1f], palette.Entries.ToArray().Select(e => e.Weight));
        Assert.Equal([Red, Blue, Yellow], palette.BySlot.ToArray().Select(e => e.Color));
    }

    [Fact]
    public void FromColors_NoWeights_SharesEqually()
    {
        var palette = Palette.FromColors([Red, Blue], []);

        Assert.Equal(2, palette.Count);
        Assert.All(palette.Entries.ToArray(), e => Assert.Equal(0.5f, e.Weight));
    }

    [Fact]
    public void FromColors_ZeroWeight_LeavesTheColorOutOfEntries()
    {
        var palette = Palette.FromColors([Red, Blue], [5, 0]);

        Assert.Equal([Red], palette.Entries.ToArray().Select(e => e.Color));
        Assert.Equal(2, palette.BySlot.Length);
    }

    [Fact]
    public void FromColors_WrongNumberOfWeights_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Palette.FromColors([Red, Blue], [1]));

        Assert.Contains("1 weights were given for 2 colors", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void FromColors_BadWeight_ThrowsNamingTheColor(double weight)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Palette.FromColors([Red], [weight]));

        Assert.Contains("#c82828", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MeanSquaredError_OfTheExactColorsOfAnImage_IsZero()
    {
        byte[] pixels = [Red.R, Red.G, Red.B, Blue.R, Blue.G, Blue.B, Blue.R, Blue.G, Blue.B, Yellow.R, Yellow.G, Yellow.B];
        var image = new Rgb24Image(pixels, 2, 2);

        var exact = Palette.FromColors([Red, Blue, Yellow], [1, 2, 1]);
        var missingYellow = Palette.FromColors([Red, Blue], [1, 2]);

        Assert.Equal(0, PaletteQuality.MeanSquaredError(image, exact), 6);
        var yellowError = ColorSpaces.DistanceSquared(ColorSpaces.ToOkLab(Yellow), ColorSpaces.ToOkLab(Red));
        yellowError = MathF.Min(yellowError, ColorSpaces.DistanceSquared(ColorSpaces.ToOkLab(Yellow), ColorSpaces.ToOkLab(Blue)));
        Assert.Equal(yellowError / 4, PaletteQuality.MeanSquaredError(image, missingYellow), 5);
    }
}
