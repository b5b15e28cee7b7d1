using System.Diagnostics.Metrics;
using DominantColors.Colors;
using DominantColors.Control;
using DominantColors.Frames;
using DominantColors.Lights;
using DominantColors.Options;
using DominantColors.Outputs;
using DominantColors.Pipeline;
using DominantColors.Regions;
using DominantColors.Signal;
using DominantColors.Smoothing;
using DominantColors.Testing.Daemon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Tests.Pipeline;

/// <summary>TV-off, ticks and publishing of <see cref="LightPipeline"/>, stepped by hand on fake time.</summary>
public sealed class LightPipelineSignalTests : IDisposable
{
    private static readonly Rgb24 Red = new(230, 20, 20);
    private static readonly Rgb24 Blue = new(20, 40, 230);
    private static readonly TimeSpan FrameTime = TimeSpan.FromMilliseconds(33);

    private readonly FakeTimeProvider _time = new();
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly LightFeed _feed = new(["tv"]);
    private readonly LightPipeline _pipeline;

    public LightPipelineSignalTests()
    {
        var settings = new PipelineSettings(
            [new LightDefinition("tv", Zone.Whole, LightPick.Dominant)],
            new AnalysisOptions { Borders = false },
            new SmoothingOptions { Intensity = SmoothingPreset.Moderate },
            new CalibrationOptions(),
            new SignalOptions { OffAfterSeconds = 1, FadeSeconds = 1 });
        var route = new SinkRoute(new RecordingColorSink("test", ["tv"]), _feed, [0]);
        var control = new AmbientSettings { Intensity = SmoothingPreset.Moderate };
        _pipeline = new LightPipeline(settings, [route], control, new PipelineMetrics(_meters.GetRequiredService<IMeterFactory>(), _time), _time);
    }

    public void Dispose()
    {
        _feed.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public void Process_PictureAfterTheLightsFadedOff_RisesFromOffNotFromTheSceneBeforeTheGap()
    {
        ShowFrames(Red, TimeSpan.FromSeconds(2));
        Assert.True(Latest().R > 200, $"before the gap {Latest().ToHex()}");

        TickUntil(SignalState.Off, TimeSpan.FromSeconds(5));
        Assert.Equal(Rgb24.Black, Latest());

        ShowFrames(Blue, FrameTime);

        var first = Latest();
        Assert.Equal(SignalState.Picture, _pipeline.Signal);
        Assert.True(first.R < 10 && first.B is > 0 and < 120, $"first color after the gap {first.ToHex()}: neither dark blue rising nor off");

        ShowFrames(Blue, TimeSpan.FromSeconds(2));
        Assert.True(Latest().B > 200 && Latest().R < 40, $"two seconds later {Latest().ToHex()}");
    }

    [Fact]
    public void Process_SameColorsAgain_PublishesThemOnce()
    {
        ShowFrames(Red, TimeSpan.FromSeconds(3));
        var settled = _feed.Version;

        ShowFrames(Red, TimeSpan.FromSeconds(1));

        Assert.Equal(settled, _feed.Version);
    }

    [Fact]
    public void NextStepDue_FramesFlowing_IsTheFlowGraceAfterTheLastFrame()
    {
        ShowFrames(Red, TimeSpan.FromSeconds(1));
        ShowFrames(Blue, FrameTime);
        var lastFrame = _time.GetTimestamp();

        Assert.Equal(lastFrame + Ticks(LightPipeline.FlowGrace), _pipeline.NextStepDue(lastFrame));
    }

    [Fact]
    public void NextStepDue_SlowFramesStillPicture_IsTheTvOffWaitAfterTheLastFrame()
    {
        ShowFrames(Red, TimeSpan.FromSeconds(2));
        ShowFrameAfter(Red, TimeSpan.FromSeconds(1));
        var lastFrame = _time.GetTimestamp();

        Assert.Equal(lastFrame + Ticks(LightPipeline.TickInterval) + Ticks(TimeSpan.FromSeconds(1)), _pipeline.NextStepDue(lastFrame));
    }

    [Fact]
    public void NextStepDue_SlowFramesColorsMoving_IsOneTickAhead()
    {
        ShowFrames(Red, TimeSpan.FromSeconds(1));
        ShowFrameAfter(Blue, TimeSpan.FromSeconds(1));
        var now = _time.GetTimestamp();

        Assert.Equal(now + Ticks(LightPipeline.TickInterval), _pipeline.NextStepDue(now));
    }

    [Fact]
    public void NextStepDue_LightsOffAndSettled_IsNever()
    {
        ShowFrames(Red, TimeSpan.FromSeconds(1));
        TickUntil(SignalState.Off, TimeSpan.FromSeconds(5));

        // The step that reached off changed the colors, so one more tick is asked for; after it nothing moves.
        var now = _time.GetTimestamp();
        _time.Advance(_time.GetElapsedTime(now, _pipeline.NextStepDue(now)));
        _pipeline.Process(null, _time.GetTimestamp());

        Assert.Equal(long.MaxValue, _pipeline.NextStepDue(_time.GetTimestamp()));
    }

    [Fact]
    public void Process_FramesStopAndTheTickComesLate_TheBlackStretchIsDatedFromTheLastFrame()
    {
        ShowFrames(Red, TimeSpan.FromSeconds(1));

        // 1.5 s after the last frame: black since 0.1 s after it, so 0.4 s into the fade (wait 1 s), not just waiting.
        _time.Advance(TimeSpan.FromSeconds(1.5));
        _pipeline.Process(null, _time.GetTimestamp());

        Assert.Equal(SignalState.FadingOut, _pipeline.Signal);
    }

    [Fact]
    public void NextStepDue_SourceHoldsItsStillPicture_IsNeverAndTheLightsStayOn()
    {
        _pipeline.SourceHoldsLastFrame = true;
        ShowFrames(Red, TimeSpan.FromSeconds(2));
        var now = _time.GetTimestamp();
        _time.Advance(_time.GetElapsedTime(now, _pipeline.NextStepDue(now)));
        _pipeline.Process(null, _time.GetTimestamp());
        var settled = Latest();

        Assert.Equal(long.MaxValue, _pipeline.NextStepDue(_time.GetTimestamp()));

        // A step long after (the watchdog asks for one, or a control changed) still sees the picture: no TV-off.
        _time.Advance(TimeSpan.FromMinutes(10));
        _pipeline.Process(null, _time.GetTimestamp());
        Assert.Equal(SignalState.Picture, _pipeline.Signal);
        Assert.Equal(settled, Latest());
        Assert.True(settled.R > 200, $"held picture shows {settled.ToHex()}");
    }

    [Fact]
    public void Process_SourceHoldsABlackPicture_FadesOffWithoutFrames()
    {
        _pipeline.SourceHoldsLastFrame = true;
        ShowFrames(Red, TimeSpan.FromSeconds(2));
        ShowFrameAfter(Rgb24.Black, FrameTime);

        TickUntil(SignalState.Off, TimeSpan.FromSeconds(5));

        Assert.Equal(Rgb24.Black, Latest());
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    private void ShowFrameAfter(Rgb24 color, TimeSpan after)
    {
        _time.Advance(after);
        using var frame = Filled(color, _time.GetTimestamp());
        _pipeline.Process(frame, _time.GetTimestamp());
    }

    private void ShowFrames(Rgb24 color, TimeSpan duration)
    {
        for (var shown = TimeSpan.Zero; shown < duration; shown += FrameTime)
        {
            _time.Advance(FrameTime);
            using var frame = Filled(color, _time.GetTimestamp());
            _pipeline.Process(frame, _time.GetTimestamp());
        }
    }

    private void TickUntil(SignalState state, TimeSpan limit)
    {
        var start = _time.GetTimestamp();
        while (_pipeline.Signal != state)
        {
            Assert.True(_time.GetElapsedTime(start) < limit, $"still {_pipeline.Signal} after {limit}");
            var now = _time.GetTimestamp();
            var due = _pipeline.NextStepDue(now);
            Assert.NotEqual(long.MaxValue, due);
            _time.Advance(_time.GetElapsedTime(now, Math.Max(due, now + 1)));
            _pipeline.Process(null, _time.GetTimestamp());
        }
    }

    private Rgb24 Latest()
    {
        Span<Rgb24> colors = stackalloc Rgb24[1];
        _feed.CopyLatest(colors, out _);
        return colors[0];
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
}
