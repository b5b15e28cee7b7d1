using DominantColors.Colors;
using DominantColors.Signal;
using DominantColors.Sources.Pattern;
using DominantColors.Testing.Daemon;

namespace DominantColors.Tests.Pipeline;

public sealed class PipelineEndToEndTests
{
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(100);

    private const string PatternConfig = """
        source:
          type: pattern
          fps: 10
          periodSeconds: 12
        smoothing:
          intensity: none
        lights:
          - name: tv
            zone: whole
            pick: dominant
          - name: right
            zone: {x: 0.8, y: 0.2, width: 0.2, height: 0.6}
            pick: dominant
        outputs:
          - type: test
            lights: [tv, right]
        """;

    [Fact]
    public async Task Run_PatternSource_LightsFollowTheSceneFrameByFrame()
    {
        await using var daemon = DaemonHarness.Start(PatternConfig);
        await daemon.WaitStartedAsync();
        var scene = new PatternScene(TimeSpan.FromSeconds(12));

        for (var frame = 1; frame <= 30; frame++)
        {
            await daemon.StepFrameAsync(FrameInterval);
            var elapsed = FrameInterval * frame;
            var colors = daemon.Sinks.Recording().Latest!;

            AssertClose(scene.BackgroundAt(elapsed), colors[0]);
            AssertClose(PatternScene.FromHue(scene.HueAt(elapsed) + 0.5), colors[1]);
        }

        Assert.True(daemon.Sinks.Recording().Received.Count >= 30);
    }

    [Fact]
    public async Task Run_SinkThatThrows_OtherSinksKeepGettingEveryFrameAndTheFaultIsLoggedOnce()
    {
        const string config = """
            source:
              type: pattern
              fps: 10
            smoothing:
              intensity: none
            lights:
              - name: tv
            outputs:
              - type: test
                name: bad
                mode: throw
                lights: [tv]
              - type: test
                name: good
                lights: [tv]
            """;
        await using var daemon = DaemonHarness.Start(config);
        await daemon.WaitStartedAsync();

        // Frame by frame, each step waiting for the frame itself and for the good sink to take its colors: stepping by
        // ticks let a frame rendered after its step be published with the next one, and the good sink, reading only
        // the latest, then counted one color fewer than frames.
        for (var frame = 0; frame < 80; frame++)
        {
            await daemon.StepFrameAsync(FrameInterval);
        }

        // The runner restarts the failing sink on its backoff's timer and the restart runs on real time: step on until
        // it has been retried twice.
        var bad = daemon.Sinks.Sinks.OfType<ThrowingColorSink>().Single();
        await daemon.StepUntilAsync(() => bad.Runs >= 3, "the failing sink to be retried twice");
        Assert.True(bad.Runs >= 3, $"the failing sink was retried {bad.Runs - 1} times in 8 s");
        Assert.True(daemon.Sinks.Recording("good").Received.Count >= 80);
        Assert.Single(daemon.Logs.Records, r => r.EventId == DaemonEventIds.SinkFailed && r.Message.Contains("bad", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_PictureTurnsBlack_LightsWaitThenFadeToIdleAndComeBackWithThePicture()
    {
        const string config = """
            source:
              type: pattern
              fps: 10
              periodSeconds: 20
              darkFraction: 0.5
            smoothing:
              intensity: none
            signal:
              offAfterSeconds: 1
              fadeSeconds: 1
              idleColor: "#204060"
            lights:
              - name: tv
            outputs:
              - type: test
                lights: [tv]
            """;
        await using var daemon = DaemonHarness.Start(config);
        await daemon.WaitStartedAsync();
        var scene = new PatternScene(TimeSpan.FromSeconds(20), 0.5);
        var sink = daemon.Sinks.Recording();

        await daemon.RunAsync(FrameInterval, 95);
        AssertClose(scene.BackgroundAt(TimeSpan.FromSeconds(9.5)), sink.Latest![0]);
        Assert.Equal(Signal.SignalState.Picture, daemon.Pipeline.Pipeline!.Signal);

        await daemon.RunAsync(FrameInterval, 10);
        Assert.Equal(Rgb24.Black, sink.Latest![0]);
        Assert.Equal(Signal.SignalState.Waiting, daemon.Pipeline.Pipeline!.Signal);

        await daemon.RunAsync(FrameInterval, 10);
        Assert.Equal(Signal.SignalState.FadingOut, daemon.Pipeline.Pipeline!.Signal);
        var halfway = sink.Latest![0];
        Assert.InRange(halfway.B, 1, 0x5f);

        await daemon.RunAsync(FrameInterval, 10);
        Assert.Equal(Signal.SignalState.Off, daemon.Pipeline.Pipeline!.Signal);
        Assert.Equal(new Rgb24(0x20, 0x40, 0x60), sink.Latest![0]);

        await daemon.RunAsync(FrameInterval, 80);

        Assert.Equal(Signal.SignalState.Picture, daemon.Pipeline.Pipeline!.Signal);
        AssertClose(scene.BackgroundAt(TimeSpan.FromSeconds(20.5)), sink.Latest![0]);
    }

    internal static void AssertClose((byte R, byte G, byte B) expected, Rgb24 actual, int tolerance = 3)
    {
        Assert.True(
            Math.Abs(expected.R - actual.R) <= tolerance && Math.Abs(expected.G - actual.G) <= tolerance && Math.Abs(expected.B - actual.B) <= tolerance,
            $"expected about #{expected.R:x2}{expected.G:x2}{expected.B:x2}, got {actual.ToHex()}");
    }
}
