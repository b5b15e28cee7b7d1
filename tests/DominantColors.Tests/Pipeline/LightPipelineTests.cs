using System.Diagnostics.Metrics;
using DominantColors.Colors;
using DominantColors.Control;
using DominantColors.Frames;
using DominantColors.Lights;
using DominantColors.Options;
using DominantColors.Pipeline;
using DominantColors.Regions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Tests.Pipeline;

public sealed class LightPipelineTests
{
    private static readonly Rgb24 Blue = new(20, 40, 220);
    private static readonly Rgb24 Orange = new(250, 140, 10);

    [Fact]
    public void Process_OnlyARightEdgeLight_ReportsTheWholePicturesDominantColorNotTheLights()
    {
        var (pipeline, metrics, time, meters) = Create(new LightDefinition("right", Zone.Right, LightPick.Dominant));
        using (meters)
        {
            using var frame = LeftBlueRightOrange(time.GetTimestamp());
            pipeline.Process(frame, time.GetTimestamp());

            Assert.True(Distance(Orange, metrics.FirstLight) < Distance(Blue, metrics.FirstLight), $"first light {metrics.FirstLight}");
            Assert.True(Distance(Blue, metrics.PictureDominant) < 30, $"picture {metrics.PictureDominant}");
        }
    }

    [Fact]
    public void Process_WholePictureLight_ReportsThatZonesDominantColor()
    {
        var (pipeline, metrics, time, meters) = Create(
            new LightDefinition("right", Zone.Right, LightPick.Dominant), new LightDefinition("all", Zone.Whole, LightPick.Dominant));
        using (meters)
        {
            using var frame = LeftBlueRightOrange(time.GetTimestamp());
            pipeline.Process(frame, time.GetTimestamp());

            Assert.True(Distance(Blue, metrics.PictureDominant) < 30, $"picture {metrics.PictureDominant}");
        }
    }

    [Fact]
    public void Process_PictureChangesWithinHalfASecond_KeepsTheLastWholePictureColorUntilDue()
    {
        var (pipeline, metrics, time, meters) = Create(new LightDefinition("right", Zone.Right, LightPick.Dominant));
        using (meters)
        {
            using (var first = LeftBlueRightOrange(time.GetTimestamp()))
            {
                pipeline.Process(first, time.GetTimestamp());
            }

            time.Advance(TimeSpan.FromMilliseconds(100));
            using (var orange = Filled(Orange, time.GetTimestamp()))
            {
                pipeline.Process(orange, time.GetTimestamp());
            }

            Assert.True(Distance(Blue, metrics.PictureDominant) < 30, $"picture {metrics.PictureDominant}");

            time.Advance(TimeSpan.FromMilliseconds(500));
            using (var orange = Filled(Orange, time.GetTimestamp()))
            {
                pipeline.Process(orange, time.GetTimestamp());
            }

            Assert.True(Distance(Orange, metrics.PictureDominant) < 30, $"picture {metrics.PictureDominant}");
        }
    }

    private static (LightPipeline Pipeline, PipelineMetrics Metrics, FakeTimeProvider Time, ServiceProvider Meters) Create(params LightDefinition[] lights)
    {
        var time = new FakeTimeProvider();
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new PipelineMetrics(meters.GetRequiredService<IMeterFactory>(), time);
        var settings = new PipelineSettings(
            lights, new AnalysisOptions { Borders = false }, new SmoothingOptions(), new CalibrationOptions(), new SignalOptions());
        return (new LightPipeline(settings, [], new AmbientSettings(), metrics, time), metrics, time, meters);
    }

    /// <summary>The left three quarters blue, the right quarter orange.</summary>
    private static Frame LeftBlueRightOrange(long timestamp)
    {
        var frame = new FramePool(64, 36).Rent(timestamp);
        var pixels = frame.PixelsToWrite;
        for (var y = 0; y < frame.Height; y++)
        {
            for (var x = 0; x < frame.Width; x++)
            {
                var color = x < 48 ? Blue : Orange;
                var i = (y * frame.Stride) + (x * 3);
                (pixels[i], pixels[i + 1], pixels[i + 2]) = (color.R, color.G, color.B);
            }
        }

        return frame;
    }

    private static Frame Filled(Rgb24 color, long timestamp)
    {
        var frame = new FramePool(64, 36).Rent(timestamp);
        var pixels = frame.PixelsToWrite;
        for (var i = 0; i < pixels.Length; i += 3)
        {
            (pixels[i], pixels[i + 1], pixels[i + 2]) = (color.R, color.G, color.B);
        }

        return frame;
    }

    private static int Distance(Rgb24 a, Rgb24 b) => Math.Abs(a.R - b.R) + Math.Abs(a.G - b.G) + Math.Abs(a.B - b.B);
}
