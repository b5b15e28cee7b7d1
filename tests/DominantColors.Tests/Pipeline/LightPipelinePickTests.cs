using System.Diagnostics.Metrics;
using DominantColors.Colors;
using DominantColors.Control;
using DominantColors.Frames;
using DominantColors.Lights;
using DominantColors.Options;
using DominantColors.Pipeline;
using DominantColors.Regions;
using DominantColors.Smoothing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Tests.Pipeline;

/// <summary>
/// Picks through the whole analysis step, on generated 64x36 frames at 10 frames per second: red on the left part of
/// the picture, blue on the rest.
/// </summary>
public sealed class LightPipelinePickTests
{
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(100);
    private static readonly Rgb24 Red = new(200, 30, 30);
    private static readonly Rgb24 Blue = new(30, 60, 200);

    [Theory]
    [InlineData(SmoothingPreset.None)]
    [InlineData(SmoothingPreset.Moderate)]
    [InlineData(SmoothingPreset.Intense)]
    public void Process_RedAndBlueAlternating52And48_LightNeverSwitches(SmoothingPreset intensity)
    {
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var time = new FakeTimeProvider();
        var pipeline = Create(meters, time, intensity);
        var pool = new FramePool(64, 36);
        var shown = new List<Rgb24>();

        for (var frame = 0; frame < 53; frame++)
        {
            using var picture = Split(pool, frame % 2 == 0 ? 33 : 31, time.GetTimestamp());
            pipeline.Process(picture, time.GetTimestamp());
            shown.Add(Nearest(pipeline.Colors[0]));
            time.Advance(FrameInterval);
        }

        Assert.All(shown, color => Assert.Equal(Red, color));
    }

    [Fact]
    public void Process_BlueGrowsTo70_LightTurnsBlueAfterTheHoldAndTheSmoothing()
    {
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var time = new FakeTimeProvider();
        var pipeline = Create(meters, time, SmoothingPreset.Moderate);
        var pool = new FramePool(64, 36);
        for (var frame = 0; frame < 20; frame++)
        {
            using var picture = Split(pool, frame % 2 == 0 ? 33 : 31, time.GetTimestamp());
            pipeline.Process(picture, time.GetTimestamp());
            time.Advance(FrameInterval);
        }

        // At the default intensity the pick holds 300 ms (it switches on the fourth frame of the change), then the
        // smoother (time constant 300 ms) takes the light past half way in about 200 ms more.
        var frames = 0;
        while (Nearest(pipeline.Colors[0]) == Red && frames < 20)
        {
            using var picture = Split(pool, 19, time.GetTimestamp());
            pipeline.Process(picture, time.GetTimestamp());
            time.Advance(FrameInterval);
            frames++;
        }

        Assert.InRange(frames, 4, 6);
    }

    private static LightPipeline Create(ServiceProvider meters, FakeTimeProvider time, SmoothingPreset intensity)
    {
        var metrics = new PipelineMetrics(meters.GetRequiredService<IMeterFactory>(), time);
        var settings = new PipelineSettings(
            [new LightDefinition("tv", Zone.Whole, LightPick.Dominant)],
            new AnalysisOptions { Borders = false },
            new SmoothingOptions { Intensity = intensity },
            new CalibrationOptions(),
            new SignalOptions());
        return new LightPipeline(settings, [], new AmbientSettings { Intensity = intensity }, metrics, time);
    }

    /// <summary>The first <paramref name="redColumns"/> of 64 columns red, the rest blue.</summary>
    private static Frame Split(FramePool pool, int redColumns, long timestamp)
    {
        var frame = pool.Rent(timestamp);
        var pixels = frame.PixelsToWrite;
        for (var y = 0; y < frame.Height; y++)
        {
            for (var x = 0; x < frame.Width; x++)
            {
                var color = x < redColumns ? Red : Blue;
                var i = (y * frame.Stride) + (x * 3);
                (pixels[i], pixels[i + 1], pixels[i + 2]) = (color.R, color.G, color.B);
            }
        }

        return frame;
    }

    private static Rgb24 Nearest(Rgb24 color)
    {
        var lab = ColorSpaces.ToOkLab(color);
        return ColorSpaces.DistanceSquared(lab, ColorSpaces.ToOkLab(Red)) <= ColorSpaces.DistanceSquared(lab, ColorSpaces.ToOkLab(Blue)) ? Red : Blue;
    }
}
