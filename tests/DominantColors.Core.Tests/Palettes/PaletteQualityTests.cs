using DominantColors.Colors;
using DominantColors.Frames;
using DominantColors.Palettes;
using DominantColors.Testing.Imaging;

namespace DominantColors.Core.Tests.Palettes;

public sealed class PaletteQualityTests
{
    [Fact]
    public void MeanSquaredError_PaletteHoldsEveryColor_IsZero()
    {
        var pixels = SyntheticFrames.Planted(20, 10, [new Rgb24(10, 200, 30), new Rgb24(250, 250, 0)], [0.5, 0.5]);
        var image = new Rgb24Image(pixels, 20, 10);

        var palette = new PaletteExtractor(new ExtractionOptions { Colors = 2 }).Extract(image);

        Assert.Equal(0, PaletteQuality.MeanSquaredError(image, palette), 10);
    }

    [Fact]
    public void MeanSquaredError_MoreColors_IsLower()
    {
        var image = new Rgb24Image(SyntheticFrames.Scene(96, 54, 6), 96, 54);

        var two = PaletteQuality.MeanSquaredError(image, new PaletteExtractor(new ExtractionOptions { Colors = 2 }).Extract(image));
        var eight = PaletteQuality.MeanSquaredError(image, new PaletteExtractor(new ExtractionOptions { Colors = 8 }).Extract(image));

        Assert.True(eight < two, $"k=8 {eight:g4} should beat k=2 {two:g4}");
        Assert.True(two > 0);
    }

    [Fact]
    public void MeanSquaredError_EmptyCases_AreDefined()
    {
        Assert.Equal(0, PaletteQuality.MeanSquaredError(new Rgb24Image([], 0, 0), Palette.Empty));
        Assert.Equal(double.PositiveInfinity, PaletteQuality.MeanSquaredError(new Rgb24Image([1, 2, 3], 1, 1), Palette.Empty));
    }
}
