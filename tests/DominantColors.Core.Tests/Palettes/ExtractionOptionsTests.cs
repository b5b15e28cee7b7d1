using DominantColors.Palettes;

namespace DominantColors.Core.Tests.Palettes;

public sealed class ExtractionOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new ExtractionOptions();

        Assert.Equal(3, options.Colors);
        Assert.Equal(5, options.HistogramBits);
        Assert.Equal(0, options.Seed);
        Assert.Equal(1, options.Restarts);
        Assert.Equal(2f, options.SceneCutRatio);
    }

    [Fact]
    public void Colors_OutOfRange_ThrowsNamingTheProperty()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ExtractionOptions { Colors = 33 });

        Assert.Equal("Colors", ex.ParamName);
    }

    [Fact]
    public void Others_OutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExtractionOptions { HistogramBits = 2 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExtractionOptions { Restarts = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExtractionOptions { MaxIterations = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExtractionOptions { WarmIterations = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExtractionOptions { SceneCutRatio = 1f });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExtractionOptions { SceneCutRatio = float.NaN });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExtractionOptions { MaxSamples = 0 });
    }
}
