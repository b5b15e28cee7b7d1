using DominantColors.Lights;
using DominantColors.Smoothing;

namespace DominantColors.Core.Tests.Lights;

public sealed class LightPickHoldSettingsTests
{
    [Theory]
    [InlineData(SmoothingPreset.None, 0)]
    [InlineData(SmoothingPreset.Subtle, 600)]
    [InlineData(SmoothingPreset.Moderate, 300)]
    [InlineData(SmoothingPreset.High, 150)]
    [InlineData(SmoothingPreset.Intense, 60)]
    public void For_Preset_HoldsForOneTimeConstantWithTheSameMargin(SmoothingPreset preset, int milliseconds)
    {
        var settings = LightPickHoldSettings.For(new SmoothingSettings { Preset = preset });

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), settings.Hold);
        Assert.Equal(0.15f, settings.Margin);
    }

    [Fact]
    public void For_LongTimeConstant_HoldsAtMostOneSecond()
    {
        var settings = LightPickHoldSettings.For(new SmoothingSettings { TimeConstant = TimeSpan.FromSeconds(5) });

        Assert.Equal(LightPickHoldSettings.MaxDerivedHold, settings.Hold);
    }

    [Theory]
    [InlineData(-0.1f, 0, "Pick margin must be in 0..10 (a ratio minus one), got -0.1. (Parameter 'Margin')")]
    [InlineData(float.NaN, 0, "Pick margin must be in 0..10 (a ratio minus one), got NaN. (Parameter 'Margin')")]
    [InlineData(0.15f, -1, "Pick hold must be in 0..60 s, got -00:00:00.0010000. (Parameter 'Hold')")]
    public void Validate_OutOfRange_NamesTheSetting(float margin, int holdMilliseconds, string expected)
    {
        var settings = new LightPickHoldSettings { Margin = margin, Hold = TimeSpan.FromMilliseconds(holdMilliseconds) };

        var error = Assert.Throws<ArgumentException>(settings.Validate);

        Assert.Equal(expected, error.Message);
    }
}
