using System.Diagnostics.Metrics;
using DominantColors.Control;
using DominantColors.Frames;
using DominantColors.Lights;
using DominantColors.Monitoring;
using DominantColors.Options;
using DominantColors.Outputs;
using DominantColors.Pipeline;
using DominantColors.Regions;
using DominantColors.Smoothing;
using DominantColors.Sources.Pattern;
using DominantColors.Testing;
using DominantColors.Testing.Daemon;
using DominantColors.Tests.Fakes;
using DominantColors.Web.Preview;
using DominantColors.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Tests.Pipeline;

/// <summary>The analysis loop's per-frame work allocates nothing once warm, with and without the web preview listening.</summary>
[Collection(AllocationCounting.Name)]
public sealed class LightPipelineAllocationTests
{
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(33);

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Process_SteadyState_AllocatesNothingPerFrame(bool metricsListener, bool preview)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 20, 0, 0, TimeSpan.Zero));
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var collector = metricsListener ? new MetricsCollector(time) : null;
        var lights = new[]
        {
            new LightDefinition("left", Zone.Left, LightPick.Dominant),
            new LightDefinition("center", Zone.Center, LightPick.Accent),
            new LightDefinition("right", Zone.Right, LightPick.Dominant),
        };
        string[] names = ["left", "center", "right"];
        using var feed = new LightFeed(names);
        SinkRoute[] routes = [new SinkRoute(new RecordingColorSink("test", names), feed, [0, 1, 2])];
        var settings = new PipelineSettings(
            lights,
            new AnalysisOptions(),
            new SmoothingOptions { Intensity = SmoothingPreset.Moderate, DelayMs = 100 },
            new CalibrationOptions { Brightness = 0.9, Saturation = 1.2, WhitePoint = 5000 },
            new SignalOptions());
        var pipeline = new LightPipeline(settings, routes, new AmbientSettings(), new PipelineMetrics(meters.GetRequiredService<IMeterFactory>(), time), time)
        {
            Preview = preview ? new PreviewExchange(time) : null,
        };
        var scene = new PatternScene(TimeSpan.FromSeconds(12));
        var pool = new FramePool(64, 36);

        // Timestamps move by hand: advancing the fake clock allocates in the clock itself, which would be counted here.
        var now = time.GetTimestamp();
        var ticks = (long)(FrameInterval.TotalSeconds * time.TimestampFrequency);
        void Step(int index)
        {
            now += ticks;
            using var frame = pool.Rent(now);
            scene.Render(FrameInterval * index, 64, 36, frame.PixelsToWrite);
            pipeline.Process(frame, now);
        }

        // Warm: past the border hold time, the output delay, the trackers' cold start and several preview snapshots.
        var steps = 0;
        while (steps < 300)
        {
            Step(steps++);
        }

        Assert.Equal(0, SteadyStateAllocation.LeastPerRound(_ => Step(steps++), callsPerRound: 300));
        Assert.True(feed.Version >= steps - 10, $"only {feed.Version} publishes for {steps} frames");
    }
}
