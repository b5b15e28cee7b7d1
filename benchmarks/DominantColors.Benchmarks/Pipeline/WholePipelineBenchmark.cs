using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using DominantColors.Control;
using DominantColors.Frames;
using DominantColors.Lights;
using DominantColors.Monitoring;
using DominantColors.Options;
using DominantColors.Outputs;
using DominantColors.Pipeline;
using DominantColors.Regions;
using DominantColors.Smoothing;
using DominantColors.Testing.Imaging;
using DominantColors.Web.Preview;
using DominantColors.Web;
using Microsoft.Extensions.DependencyInjection;

namespace DominantColors.Benchmarks.Pipeline;

/// <summary>
/// One 64x36 analysis frame through the daemon's whole analysis loop, as <c>PipelineService</c> runs it: a frame
/// rented from the source's pool and filled (the source's read), border crop, per-zone warm palette trackers (k = 5),
/// per-light picks, calibration, smoothing, the TV-off check, the output delay (100 ms) and the publish to each
/// sink's <see cref="LightFeed"/>, then the frame back to its pool. Frames cycle through eight letterboxed pictures
/// of one scene whose noise differs and whose blobs drift, so every tracker does real work each frame.
/// <c>WebOn</c> adds what the web preview costs the loop: a meter listener recording every measurement and the
/// preview hand-over (a snapshot copy once a second).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class WholePipelineBenchmark : IDisposable
{
    private const int Width = 64;
    private const int Height = 36;
    private const int FrameCount = 8;
    private const int Bar = 5;

    private readonly List<SinkRoute> _routes = [];
    private byte[][] _pictures = [];
    private FramePool _pool = null!;
    private ServiceProvider _meters = null!;
    private MetricsCollector? _collector;
    private LightPipeline _pipeline = null!;
    private long _now;
    private long _frameTicks;
    private int _frame;

    /// <summary>3: the demo (left, center, right); 8: left, right, top, bottom, center, whole and two quarters.</summary>
    [Params(3, 8)]
    public int Lights { get; set; }

    [Params(false, true)]
    public bool WebOn { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pictures = [.. Enumerable.Range(0, FrameCount).Select(Letterboxed)];
        _pool = new FramePool(Width, Height);
        _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var time = TimeProvider.System;
        _collector = WebOn ? new MetricsCollector(time) : null;
        _frameTicks = time.TimestampFrequency / 30;
        _now = time.GetTimestamp();

        var zones = new[] { Zone.Left, Zone.Center, Zone.Right, Zone.Top, Zone.Bottom, Zone.Whole, Zone.Create(0f, 0f, 0.5f, 0.5f), Zone.Create(0.5f, 0.5f, 0.5f, 0.5f) };
        var lights = Enumerable.Range(0, Lights).Select(i => new LightDefinition($"light{i}", zones[i], i % 3 == 2 ? LightPick.Accent : LightPick.Dominant)).ToArray();
        var names = lights.Select(l => l.Name).ToArray();

        // Two sinks, as a Hue bridge and a WLED strip would be: one with every light, one with the first.
        _routes.Add(new SinkRoute(new NullColorSink(names), new LightFeed(names), [.. Enumerable.Range(0, Lights)]));
        _routes.Add(new SinkRoute(new NullColorSink([names[0]]), new LightFeed([names[0]]), [0]));

        var settings = new PipelineSettings(
            lights,
            new AnalysisOptions { Colors = 5, Width = Width, Height = Height },
            new SmoothingOptions { Intensity = SmoothingPreset.Moderate, DelayMs = 100 },
            new CalibrationOptions { Brightness = 0.9, MinBrightness = 0.02, Gamma = 1.1, Saturation = 1.2, WhitePoint = 5000 },
            new SignalOptions());
        var control = new AmbientSettings { Intensity = SmoothingPreset.Moderate };
        var metrics = new PipelineMetrics(_meters.GetRequiredService<IMeterFactory>(), time);
        _pipeline = new LightPipeline(settings, _routes, control, metrics, time)
        {
            Preview = WebOn ? new PreviewExchange(time) : null,
        };

        // Past the border detector's hold time, the output delay and the trackers' cold start: steady state.
        for (var i = 0; i < 600; i++)
        {
            Frame();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    /// <summary>One frame from the source's pool to every sink's feed.</summary>
    [Benchmark]
    public long Frame()
    {
        _now += _frameTicks;
        var frame = _pool.Rent(_now);
        frame.Sequence = _frame;
        _pictures[_frame++ % FrameCount].CopyTo(frame.PixelsToWrite);
        try
        {
            _pipeline.Process(frame, _now);
        }
        finally
        {
            frame.Dispose();
        }

        return _routes[0].Feed.Version;
    }

    public void Dispose()
    {
        foreach (var route in _routes)
        {
            route.Feed.Dispose();
        }

        _routes.Clear();
        _collector?.Dispose();
        _collector = null;
        _meters?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A 2.39:1 picture in a 16:9 frame: black bars top and bottom, and a line of subtitles in the lower bar.</summary>
    private static byte[] Letterboxed(int index)
    {
        var pixels = SyntheticFrames.Scene(Width, Height, scene: 2, frame: index);
        const int stride = Width * 3;
        pixels.AsSpan(0, Bar * stride).Clear();
        pixels.AsSpan((Height - Bar) * stride).Clear();
        pixels.AsSpan(((Height - 3) * stride) + (16 * 3), 32 * 3).Fill(230);
        return pixels;
    }
}
