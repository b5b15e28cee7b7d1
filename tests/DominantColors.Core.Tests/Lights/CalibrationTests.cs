using DominantColors.Colors;
using DominantColors.Lights;
using DominantColors.Testing;

namespace DominantColors.Core.Tests.Lights;

public sealed class CalibrationTests
{
    private static readonly Rgb24 White = new(255, 255, 255);

    [Fact]
    public void Apply_DefaultSettings_ChangesNoColor()
    {
        var calibration = new Calibration(new CalibrationSettings());

        for (var v = 0; v < 256; v++)
        {
            var grey = new Rgb24((byte)v, (byte)v, (byte)v);
            var color = new Rgb24((byte)v, (byte)(255 - v), (byte)((v * 7) % 256));
            Assert.Equal(grey, calibration.Apply(grey));
            Assert.Equal(color, calibration.Apply(color));
        }
    }

    [Theory]
    [InlineData(0.25f, 137)] // linear 0.25 encodes to 0.5371 * 255 = 136.96
    [InlineData(0.5f, 188)] // linear 0.5 encodes to 0.7354 * 255 = 187.52
    [InlineData(0f, 0)]
    public void Apply_BrightnessCap_ScalesLinearLight(float brightness, byte expected)
    {
        var calibration = new Calibration(new CalibrationSettings { Brightness = brightness });

        Assert.Equal(new Rgb24(expected, expected, expected), calibration.Apply(White));
    }

    [Fact]
    public void Apply_ZeroSaturation_GivesGreyOfSameOkLabLightness()
    {
        var calibration = new Calibration(new CalibrationSettings { Saturation = 0f });

        // Pure red has OKLab L 0.62796; grey of that L is linear 0.2476, sRGB 136.36.
        Assert.Equal(new Rgb24(136, 136, 136), calibration.Apply(new Rgb24(255, 0, 0)));
    }

    [Fact]
    public void Apply_SaturationGain_MakesColorMoreVividKeepingHueOrder()
    {
        var calibration = new Calibration(new CalibrationSettings { Saturation = 1.5f });
        var muted = new Rgb24(150, 110, 100);

        var vivid = calibration.Apply(muted);

        Assert.True(vivid.R - vivid.B > muted.R - muted.B, $"{vivid} is not more saturated than {muted}");
        Assert.True(vivid.R > vivid.G && vivid.G > vivid.B, $"{vivid} changed hue order");
    }

    [Fact]
    public void Apply_GammaTwoPointTwo_DarkensMidtones()
    {
        var calibration = new Calibration(new CalibrationSettings { Gamma = 2.2f });

        // 255 * (128 / 255)^2.2 = 55.98
        Assert.Equal(new Rgb24(56, 56, 56), calibration.Apply(new Rgb24(128, 128, 128)));
        Assert.Equal(White, calibration.Apply(White));
    }

    [Fact]
    public void Apply_BlueGainHalf_HalvesBlueLight()
    {
        var calibration = new Calibration(new CalibrationSettings { BlueGain = 0.5f });

        Assert.Equal(new Rgb24(255, 255, 188), calibration.Apply(White));
    }

    [Fact]
    public void Apply_NeutralTemperature_KeepsWhite()
    {
        var calibration = new Calibration(new CalibrationSettings { WhiteTemperature = 6500f });

        Assert.Equal(White, calibration.Apply(White));
    }

    [Fact]
    public void Apply_WarmTemperature_MatchesBlackBodyWhite()
    {
        var calibration = new Calibration(new CalibrationSettings { WhiteTemperature = 3000f });

        var warm = calibration.Apply(White);

        // Mitchell Charity's black-body table (CIE 1931 2 degree, D65 white, sRGB) gives #ffbb71 for 3000 K.
        Assert.Equal(255, warm.R);
        Assert.InRange(warm.G, 187 - 5, 187 + 5);
        Assert.InRange(warm.B, 113 - 5, 113 + 5);
    }

    [Fact]
    public void Apply_CoolTemperature_DimsRedMost()
    {
        var calibration = new Calibration(new CalibrationSettings { WhiteTemperature = 10000f });

        var cool = calibration.Apply(White);

        Assert.Equal(255, cool.B);
        Assert.True(cool.R < cool.G && cool.G < cool.B, $"{cool} is not bluish");
    }

    [Fact]
    public void Apply_MinimumBrightness_LiftsDarkColorsKeepingHueAndLeavesBlack()
    {
        var calibration = new Calibration(new CalibrationSettings { MinimumBrightness = 0.05f });

        var lifted = calibration.Apply(new Rgb24(20, 10, 0));

        // Brightest channel lifted to linear 0.05 = sRGB 63.2; the others keep their ratio to it.
        Assert.Equal(63, lifted.R);
        Assert.InRange(lifted.G, 40, 46);
        Assert.Equal(0, lifted.B);
        Assert.Equal(Rgb24.Black, calibration.Apply(Rgb24.Black));
        Assert.Equal(White, calibration.Apply(White));
    }

    [Fact]
    public void Update_NewSettings_RebuildsTables()
    {
        var calibration = new Calibration(new CalibrationSettings());

        calibration.Update(new CalibrationSettings { Brightness = 0.25f });

        Assert.Equal(new Rgb24(137, 137, 137), calibration.Apply(White));
    }

    [Fact]
    public void Apply_ManyColors_AllocatesNothing()
    {
        var calibration = new Calibration(new CalibrationSettings { Saturation = 1.2f, WhiteTemperature = 4000f, Gamma = 1.8f });
        var colors = new Rgb24[8];

        Assert.Equal(0, SteadyStateAllocation.LeastPerRound(i =>
        {
            colors.AsSpan().Fill(new Rgb24((byte)i, 100, 200));
            calibration.Apply(colors);
        }));
    }

    [Theory]
    [InlineData(nameof(CalibrationSettings.Brightness))]
    [InlineData(nameof(CalibrationSettings.Gamma))]
    [InlineData(nameof(CalibrationSettings.WhiteTemperature))]
    public void Constructor_OutOfRange_ThrowsNamingTheSetting(string name)
    {
        var settings = name switch
        {
            nameof(CalibrationSettings.Brightness) => new CalibrationSettings { Brightness = 1.5f },
            nameof(CalibrationSettings.Gamma) => new CalibrationSettings { Gamma = 0f },
            _ => new CalibrationSettings { WhiteTemperature = 500f },
        };

        var error = Assert.Throws<ArgumentException>(() => new Calibration(settings));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }
}
