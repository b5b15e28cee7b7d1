using DominantColors.Colors;
using DominantColors.Frames;
using DominantColors.Palettes;
using DominantColors.Testing.Imaging;

namespace DominantColors.Core.Tests.Palettes;

public sealed class PaletteExtractorTests
{
    private static readonly Rgb24[] Planted =
    [
        new(200, 30, 40), new(20, 90, 210), new(240, 230, 220), new(10, 10, 12),
    ];

    [Fact]
    public void Extract_PlantedColors_RecoversThemExactlyWithTheirShares()
    {
        double[] shares = [0.4, 0.3, 0.2, 0.1];
        var pixels = SyntheticFrames.Planted(64, 50, Planted, shares);
        var extractor = new PaletteExtractor(new ExtractionOptions { Colors = 4 });

        var palette = extractor.Extract(new Rgb24Image(pixels, 64, 50));

        Assert.Equal(4, palette.Count);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(Planted[i], palette[i].Color);
            Assert.Equal(shares[i], palette[i].Weight, 3);
        }
    }

    [Fact]
    public void Extract_PlantedColorsWithNoise_RecoversEachWithinTwoLevels()
    {
        var width = 120;
        var height = 100;
        var pixels = SyntheticFrames.Planted(width, height, Planted, [0.25, 0.25, 0.25, 0.25]);
        var random = new TestRandom(5);
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)Math.Clamp(pixels[i] + random.Next(5) - 2, 0, 255);
        }

        var palette = new PaletteExtractor(new ExtractionOptions { Colors = 4 }).Extract(new Rgb24Image(pixels, width, height));

        foreach (var planted in Planted)
        {
            Assert.Contains(palette.Entries.ToArray(), e =>
                Math.Abs(e.Color.R - planted.R) <= 2 && Math.Abs(e.Color.G - planted.G) <= 2 && Math.Abs(e.Color.B - planted.B) <= 2);
        }
    }

    [Fact]
    public void Extract_SameSeedTwice_GivesIdenticalPalettes()
    {
        var pixels = SyntheticFrames.Scene(320, 180, scene: 3);
        var options = new ExtractionOptions { Colors = 8, Seed = 42, Restarts = 2 };

        var first = new PaletteExtractor(options).Extract(new Rgb24Image(pixels, 320, 180));
        var extractor = new PaletteExtractor(options);
        extractor.Extract(new Rgb24Image(SyntheticFrames.Scene(64, 36, scene: 9), 64, 36)); // dirty its buffers
        var second = extractor.Extract(new Rgb24Image(pixels, 320, 180));

        Assert.Equal(first.Entries.ToArray(), second.Entries.ToArray());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public void Extract_SingleRun_IsCloseToBestOfEight(int k)
    {
        // 16 generated scenes (gradient, blobs, noise 0 / 10 / 20): every single run within 2% of best-of-8.
        var ratios = new List<double>();
        for (var scene = 0; scene < 16; scene++)
        {
            var pixels = SyntheticFrames.Scene(160, 90, scene, noise: scene % 3 * 10);
            var image = new Rgb24Image(pixels, 160, 90);
            var single = new PaletteExtractor(new ExtractionOptions { Colors = k, Seed = scene }).Extract(image);
            var best = new PaletteExtractor(new ExtractionOptions { Colors = k, Seed = scene, Restarts = 8 }).Extract(image);

            var ratio = PaletteQuality.MeanSquaredError(image, single) / PaletteQuality.MeanSquaredError(image, best);

            Assert.True(ratio <= 1.02, $"scene {scene}, k {k}: single run {ratio:f4} x best of 8");
            ratios.Add(ratio);
        }

        Assert.True(ratios.Average() <= 1.005, $"k {k}: mean {ratios.Average():f4} x best of 8");
    }

    [Fact]
    public void Extract_ZeroByZero_GivesAnEmptyPalette()
    {
        var palette = new PaletteExtractor(ExtractionOptions.Default).Extract(new Rgb24Image([], 0, 0));

        Assert.True(palette.IsEmpty);
        Assert.Equal(default, palette.Dominant());
    }

    [Fact]
    public void Extract_OnePixel_GivesThatColorWithAllTheWeight()
    {
        var palette = new PaletteExtractor(new ExtractionOptions { Colors = 8 }).Extract(new Rgb24Image([12, 34, 56], 1, 1));

        Assert.Equal(1, palette.Count);
        Assert.Equal(new Rgb24(12, 34, 56), palette[0].Color);
        Assert.Equal(1f, palette[0].Weight);
    }

    [Fact]
    public void Extract_AllBlack_GivesOneBlackColor()
    {
        var palette = new PaletteExtractor(new ExtractionOptions { Colors = 8 }).Extract(new Rgb24Image(new byte[1920 * 3 * 20], 1920, 20));

        Assert.Equal(1, palette.Count);
        Assert.Equal(Rgb24.Black, palette[0].Color);
        Assert.Equal(0f, palette[0].Lab.L, 4);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(8)]
    public void Extract_FewerColorsThanK_GivesEachOnceWithoutNaN(int bits)
    {
        var pixels = SyntheticFrames.Planted(10, 10, [new Rgb24(255, 0, 0), new Rgb24(0, 0, 255), new Rgb24(250, 0, 0)], [0.5, 0.3, 0.2]);
        var options = new ExtractionOptions { Colors = 32, HistogramBits = bits, Restarts = 3 };

        var palette = new PaletteExtractor(options).Extract(new Rgb24Image(pixels, 10, 10));

        var colors = palette.Entries.ToArray();
        Assert.InRange(colors.Length, 2, 3);
        Assert.Equal(colors.Length, colors.Select(e => e.Color).Distinct().Count());
        Assert.All(colors, e => Assert.False(float.IsNaN(e.Lab.L) || float.IsNaN(e.Lab.A) || float.IsNaN(e.Lab.B) || float.IsNaN(e.Weight)));
        Assert.Equal(1f, colors.Sum(e => e.Weight), 5);
    }

    [Fact]
    public void Extract_LargeFrame_WeightsSumToOneAndAreSorted()
    {
        var pixels = SyntheticFrames.Scene(1920, 1080, scene: 1);

        var palette = new PaletteExtractor(new ExtractionOptions { Colors = 8 }).Extract(new Rgb24Image(pixels, 1920, 1080));

        Assert.Equal(8, palette.Count);
        Assert.Equal(1f, palette.Entries.ToArray().Sum(e => e.Weight), 5);
        for (var i = 1; i < palette.Count; i++)
        {
            Assert.True(palette[i - 1].Weight >= palette[i].Weight);
        }
    }
}
