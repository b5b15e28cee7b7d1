using DominantColors.Colors;
using DominantColors.Smoothing;
using DominantColors.Testing;

namespace DominantColors.Core.Tests.Smoothing;

public sealed class SmootherTests
{
    // Timestamps in microseconds: fine enough for 60 fps frame times.
    private const long Frequency = 1_000_000;

    private static readonly Rgb24 White = new(255, 255, 255);

    [Fact]
    public void Next_AfterOneTimeConstant_MovesAboutSixtyThreePercent()
    {
        var smoother = new Smoother(1, new SmoothingSettings { Preset = SmoothingPreset.Moderate, DeadBand = 0f }, Frequency);
        var output = new Rgb24[1];
        smoother.Next([Rgb24.Black], 0, output);

        smoother.Next([White], 300_000, output);

        // OKLab L goes 0 -> 1; after one time constant it is at 1 - 1/e = 0.632 (give or take 8-bit rounding).
        Assert.Equal(0.632, Lightness(output[0]), tolerance: 0.005);
    }

    [Fact]
    public void Next_AfterThreeTimeConstants_MovesNinetyFivePercent()
    {
        var smoother = new Smoother(1, new SmoothingSettings { Preset = SmoothingPreset.Subtle, DeadBand = 0f }, Frequency);
        var output = new Rgb24[1];
        smoother.Next([Rgb24.Black], 0, output);

        smoother.Next([White], 1_800_000, output);

        Assert.Equal(0.950, Lightness(output[0]), tolerance: 0.005);
    }

    [Theory]
    [InlineData(SmoothingPreset.Subtle)]
    [InlineData(SmoothingPreset.Moderate)]
    [InlineData(SmoothingPreset.High)]
    [InlineData(SmoothingPreset.Intense)]
    public void Next_ThirtyAndSixtyFps_EndAtSameColor(SmoothingPreset preset)
    {
        var settings = new SmoothingSettings { Preset = preset, DeadBand = 0f };
        var at30 = Run(new Smoother(2, settings, Frequency), 1_000_000 / 30, 250_000);
        var at60 = Run(new Smoother(2, settings, Frequency), 1_000_000 / 60, 250_000);

        for (var i = 0; i < 2; i++)
        {
            Assert.InRange(at30[i].R - at60[i].R, -1, 1);
            Assert.InRange(at30[i].G - at60[i].G, -1, 1);
            Assert.InRange(at30[i].B - at60[i].B, -1, 1);
        }
    }

    [Fact]
    public void Next_FasterPreset_MovesFurtherInSameTime()
    {
        var subtle = Run(new Smoother(2, new SmoothingSettings { Preset = SmoothingPreset.Subtle }, Frequency), 16_667, 100_000);
        var intense = Run(new Smoother(2, new SmoothingSettings { Preset = SmoothingPreset.Intense }, Frequency), 16_667, 100_000);

        // Both start at dark blue and head for orange: red rises faster with the faster preset.
        Assert.True(intense[0].R > subtle[0].R, $"intense {intense[0]} is not ahead of subtle {subtle[0]}");
    }

    [Fact]
    public void Next_None_PassesThrough()
    {
        var smoother = new Smoother(3, new SmoothingSettings { Preset = SmoothingPreset.None }, Frequency);
        var output = new Rgb24[3];
        Rgb24[] first = [new(1, 2, 3), new(200, 0, 0), new(9, 9, 9)];
        Rgb24[] second = [new(255, 255, 255), new(0, 0, 1), new(10, 9, 9)];

        smoother.Next(first, 0, output);
        Assert.Equal(first, output);
        smoother.Next(second, 1, output);
        Assert.Equal(second, output);
    }

    [Fact]
    public void Next_FirstFrame_StartsAtTargets()
    {
        var smoother = new Smoother(1, new SmoothingSettings { Preset = SmoothingPreset.Subtle }, Frequency);
        var output = new Rgb24[1];

        smoother.Next([new Rgb24(12, 200, 99)], 5, output);

        Assert.Equal(new Rgb24(12, 200, 99), output[0]);
    }

    [Fact]
    public void Next_ChangeInsideDeadBand_HoldsOutput()
    {
        var smoother = new Smoother(1, new SmoothingSettings { Preset = SmoothingPreset.Intense, DeadBand = 0.02f }, Frequency);
        var output = new Rgb24[1];
        smoother.Next([new Rgb24(30, 20, 25)], 0, output);
        var held = output[0];

        // Dark-scene jitter: one or two codes either way, for a whole second.
        var t = 0L;
        for (var i = 0; i < 60; i++)
        {
            t += 16_667;
            var wobble = (byte)(i % 2 == 0 ? 32 : 28);
            smoother.Next([new Rgb24(wobble, 20, 26)], t, output);
            Assert.Equal(held, output[0]);
        }
    }

    [Fact]
    public void Next_ChangeBeyondDeadBand_Follows()
    {
        var smoother = new Smoother(1, new SmoothingSettings { Preset = SmoothingPreset.Intense, DeadBand = 0.02f }, Frequency);
        var output = new Rgb24[1];
        smoother.Next([new Rgb24(30, 20, 25)], 0, output);

        smoother.Next([new Rgb24(120, 20, 25)], 1_000_000, output);

        Assert.Equal(new Rgb24(120, 20, 25), output[0]);
    }

    [Fact]
    public void Next_TimestampDoesNotAdvance_HoldsOutput()
    {
        var smoother = new Smoother(1, new SmoothingSettings { Preset = SmoothingPreset.High, DeadBand = 0f }, Frequency);
        var output = new Rgb24[1];
        smoother.Next([Rgb24.Black], 1000, output);

        smoother.Next([White], 1000, output);
        Assert.Equal(Rgb24.Black, output[0]);
        smoother.Next([White], 900, output);
        Assert.Equal(Rgb24.Black, output[0]);
    }

    [Fact]
    public void SetPreset_Live_ChangesSpeedFromCurrentColor()
    {
        var smoother = new Smoother(1, new SmoothingSettings { Preset = SmoothingPreset.Subtle, DeadBand = 0f }, Frequency);
        var output = new Rgb24[1];
        smoother.Next([Rgb24.Black], 0, output);
        smoother.Next([White], 600_000, output);
        var afterSubtle = Lightness(output[0]);

        smoother.SetPreset(SmoothingPreset.Intense);
        smoother.Next([White], 660_000, output);

        // From L 0.632, one intense time constant (60 ms) closes 63 % of the rest: 0.632 + 0.368 * 0.632 = 0.865.
        Assert.Equal(0.632, afterSubtle, tolerance: 0.005);
        Assert.Equal(0.865, Lightness(output[0]), tolerance: 0.005);
    }

    [Fact]
    public void SetPreset_FromNone_ContinuesFromColorsShown()
    {
        var smoother = new Smoother(1, new SmoothingSettings { Preset = SmoothingPreset.None }, Frequency);
        var output = new Rgb24[1];
        smoother.Next([Rgb24.Black], 0, output);
        smoother.Next([White], 100_000, output);

        smoother.SetPreset(SmoothingPreset.Moderate);
        smoother.Next([White], 200_000, output);

        Assert.Equal(White, output[0]);
    }

    [Fact]
    public void TimeConstantOf_Presets_GetFasterWithIntensity()
    {
        Assert.Equal(TimeSpan.Zero, SmoothingSettings.TimeConstantOf(SmoothingPreset.None));
        Assert.True(SmoothingSettings.TimeConstantOf(SmoothingPreset.Subtle) > SmoothingSettings.TimeConstantOf(SmoothingPreset.Moderate));
        Assert.True(SmoothingSettings.TimeConstantOf(SmoothingPreset.Moderate) > SmoothingSettings.TimeConstantOf(SmoothingPreset.High));
        Assert.True(SmoothingSettings.TimeConstantOf(SmoothingPreset.High) > SmoothingSettings.TimeConstantOf(SmoothingPreset.Intense));
    }

    [Theory]
    [InlineData("none", SmoothingPreset.None)]
    [InlineData("Subtle", SmoothingPreset.Subtle)]
    [InlineData("moderate", SmoothingPreset.Moderate)]
    [InlineData("HIGH", SmoothingPreset.High)]
    [InlineData("intense", SmoothingPreset.Intense)]
    public void TryParsePreset_KnownName_ReturnsPreset(string text, SmoothingPreset expected)
    {
        Assert.True(SmoothingSettings.TryParsePreset(text, out var preset, out _));
        Assert.Equal(expected, preset);
    }

    [Fact]
    public void TryParsePreset_UnknownName_ErrorListsAllowed()
    {
        Assert.False(SmoothingSettings.TryParsePreset("strong", out _, out var error));
        Assert.Equal("unknown smoothing intensity 'strong'; allowed: none | subtle | moderate | high | intense", error);
    }

    [Fact]
    public void Next_SteadyState_AllocatesNothing()
    {
        var smoother = new Smoother(8, new SmoothingSettings(), Frequency);
        var targets = new Rgb24[8];
        var output = new Rgb24[8];

        Assert.Equal(0, SteadyStateAllocation.LeastPerRound(t =>
        {
            targets.AsSpan().Fill(new Rgb24((byte)t, 80, 160));
            smoother.Next(targets, t * 16_667L, output);
        }));
    }

    private static Rgb24[] Run(Smoother smoother, long frameTicks, long duration)
    {
        var output = new Rgb24[2];
        smoother.Next([new Rgb24(10, 20, 90), new Rgb24(0, 0, 0)], 0, output);
        for (var t = frameTicks; t <= duration; t += frameTicks)
        {
            smoother.Next([new Rgb24(250, 140, 20), new Rgb24(40, 200, 120)], t, output);
        }

        // Land exactly on the end time at either rate.
        smoother.Next([new Rgb24(250, 140, 20), new Rgb24(40, 200, 120)], duration, output);
        return output;
    }

    private static float Lightness(Rgb24 color) => ColorSpaces.ToOkLab(color).L;
}
