using DominantColors.Colors;
using DominantColors.Frames;
using DominantColors.Palettes;

namespace DominantColors.Core.Tests.Palettes;

public sealed class ForegroundSplitTests
{
    private static readonly Rgb24 Red = new(220, 20, 30);
    private static readonly Rgb24 Blue = new(20, 40, 230);

    [Fact]
    public void Update_BlueCenterOnRedFrame_SplitsTheColors()
    {
        const int Width = 80, Height = 40;
        var pixels = new byte[Width * Height * 3];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var inCenter = x >= 20 && x < 60 && y >= 10 && y < 30;
                var color = inCenter ? Blue : Red;
                var o = ((y * Width) + x) * 3;
                (pixels[o], pixels[o + 1], pixels[o + 2]) = (color.R, color.G, color.B);
            }
        }

        var split = new ForegroundSplit(new ExtractionOptions { Colors = 2 });
        split.Update(new Rgb24Image(pixels, Width, Height));

        Assert.Equal(Blue, split.Foreground.Dominant().Color);
        Assert.Equal(1f, split.Foreground.Dominant().Weight);
        Assert.Equal(Red, split.Background.Dominant().Color);
        Assert.Equal(1f, split.Background.Dominant().Weight);
    }

    [Fact]
    public void CenterOf_HalfFraction_IsTheMiddleQuarter() =>
        Assert.Equal((20, 10, 40, 20), new ForegroundSplit(ExtractionOptions.Default).CenterOf(80, 40));

    [Theory]
    [InlineData(0f)]
    [InlineData(1f)]
    public void Constructor_FractionOutOfRange_Throws(float fraction) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForegroundSplit(ExtractionOptions.Default, fraction));

    [Fact]
    public void Update_TinyImage_DoesNotThrow()
    {
        var split = new ForegroundSplit(ExtractionOptions.Default);

        split.Update(new Rgb24Image([1, 2, 3], 1, 1));

        Assert.Equal(new Rgb24(1, 2, 3), split.Background.Dominant().Color);
    }
}
