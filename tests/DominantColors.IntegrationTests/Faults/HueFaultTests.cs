using System.Diagnostics;
using DominantColors.Hue;
using DominantColors.IntegrationTests.Peers;
using DominantColors.Testing.Daemon;
using DominantColors.Testing.Hue;

namespace DominantColors.IntegrationTests.Faults;

/// <summary>
/// The Hue bridge (the fake bridge of the Hue tests: HTTPS + DTLS on loopback) answering 429 and 503, dropping the
/// Entertainment stream, and going deaf. The daemon keeps running, each episode is logged once, and light commands or
/// frames reach the bridge again within the stated time. The output's status counts each fault; a busy bridge is a
/// fault but not a lost connection, a deaf one is both.
/// </summary>
public sealed class HueFaultTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task RestBridge_AnswersBusyTwiceInARow_PausesLogsOnceAndSendsAgainWithinBound(int status)
    {
        await using var bridge = new FakeHueBridge();
        var directory = Directory.CreateTempSubdirectory("dc-hue-").FullName;
        var state = Directory.CreateDirectory(Path.Combine(directory, "state")).FullName;
        await HueBridgePeer.WriteCredentialsAsync(bridge, state);
        await using var daemon = await DaemonHarness.StartAsync(Config(HueBridgePeer.RestOutput(bridge, "tv")), state, directory: directory);
        await bridge.WaitForLightCommandsAsync(3, Guard);

        // Two busy answers in a row are one episode: the pauses are 1 s then 2 s (no Retry-After from this bridge).
        var busyAt = Stopwatch.GetTimestamp();
        var accepted = bridge.LightCommands.Count;
        bridge.FailNextLightCommands(status, 2);
        await bridge.WaitUntilAsync(b => b.RefusedAt.Count == 2, Guard);
        var refusedAt = Stopwatch.GetTimestamp();
        await bridge.WaitForLightCommandsAsync(accepted + 3, Guard);
        var recovery = Stopwatch.GetElapsedTime(refusedAt);

        var bound = TimeSpan.FromSeconds(2 + 2);
        Assert.True(recovery < bound, $"light commands were accepted again {recovery.TotalSeconds:0.00} s after the last busy answer, bound {bound.TotalSeconds} s");
        Assert.Equal(1, daemon.Logs.CountSince(HueEventIds.BridgeBusy, busyAt));
        Assert.Equal(0, daemon.Logs.Count(HueEventIds.SinkFailed));
        var output = Assert.Single(daemon.Outputs.All).Status;
        Assert.Equal(2, output.Faults);
        Assert.Equal(0, output.Reconnects);
        Assert.True(output.Connected);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), output.LastError, StringComparison.Ordinal);
        Assert.True(daemon.IsRunning);
    }

    [Fact]
    public async Task EntertainmentBridge_DropsTheStream_StreamsAgainWithinBoundLoggingTheRestartOnce()
    {
        await using var bridge = new FakeHueBridge();
        await using var daemon = await StartStreamingAsync(bridge);

        var droppedAt = Stopwatch.GetTimestamp();
        var frames = bridge.Entertainment.Frames.Count;
        bridge.Entertainment.EndSession();
        await bridge.Entertainment.WaitUntilAsync(e => e.Sessions == 2, Guard);
        await bridge.Entertainment.WaitUntilAsync(e => e.Frames.Count > frames + 25, Guard);
        var recovery = Stopwatch.GetElapsedTime(droppedAt);

        var bound = TimeSpan.FromSeconds(3);
        Assert.True(recovery < bound, $"frames came back {recovery.TotalSeconds:0.00} s after the bridge hung up, bound {bound.TotalSeconds} s");
        // Usually the new handshake just works; when records the sink sent before it saw the hang-up reach the bridge's
        // next handshake, the bridge refuses that one and the retry 0.5 s later works: still one episode, one warning.
        Assert.True(daemon.Logs.CountSince(HueEventIds.SinkFailed, droppedAt) <= 1, daemon.Logs.Dump());
        Assert.Equal(1, daemon.Logs.CountSince(HueEventIds.StreamStarted, droppedAt));
        Assert.Equal(0, bridge.Entertainment.BadFrames);
        Assert.True(daemon.IsRunning);
    }

    [Fact]
    public async Task EntertainmentBridge_GoesDeafThenHearsAgain_LogsOnceAndStreamsAgainWithinBound()
    {
        await using var bridge = new FakeHueBridge(inactivityTimeout: TimeSpan.FromSeconds(1));
        await using var daemon = await StartStreamingAsync(bridge);

        // Deaf for 3 s: the bridge hears nothing, drops the session after 1 s of silence, and ignores handshakes.
        var deafAt = Stopwatch.GetTimestamp();
        bridge.Entertainment.Deaf = true;
        await bridge.Entertainment.WaitUntilAsync(e => e.Cuts == 1, Guard);
        await daemon.Logs.WaitForAsync(HueEventIds.SinkFailed, deafAt, Guard);
        var output = Assert.Single(daemon.Outputs.All).Status;
        Assert.False(output.Connected);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var hearsAt = Stopwatch.GetTimestamp();
        bridge.Entertainment.Deaf = false;
        var frames = bridge.Entertainment.Frames.Count;
        await bridge.Entertainment.WaitUntilAsync(e => e.Sessions == 2 && e.Frames.Count > frames + 25, Guard);
        var recovery = Stopwatch.GetElapsedTime(hearsAt);
        await daemon.Logs.WaitForAsync(HueEventIds.SinkRecovered, hearsAt, Guard);

        // The handshake in progress times out after 5 s, then the next try (0.5-2 s later) gets through.
        var bound = TimeSpan.FromSeconds(5 + 2 + 2);
        Assert.True(recovery < bound, $"frames came back {recovery.TotalSeconds:0.00} s after the bridge heard again, bound {bound.TotalSeconds} s");
        Assert.Equal(1, daemon.Logs.CountSince(HueEventIds.SinkFailed, deafAt));
        Assert.Equal(1, daemon.Logs.CountSince(HueEventIds.SinkRecovered, deafAt));
        Assert.True(output.Connected);
        Assert.Equal(1, output.Reconnects);
        Assert.True(daemon.IsRunning);
    }

    private static async Task<DaemonHarness> StartStreamingAsync(FakeHueBridge bridge)
    {
        var directory = Directory.CreateTempSubdirectory("dc-hue-").FullName;
        var state = Directory.CreateDirectory(Path.Combine(directory, "state")).FullName;
        await HueBridgePeer.WriteCredentialsAsync(bridge, state);
        var daemon = await DaemonHarness.StartAsync(Config(HueBridgePeer.EntertainmentOutput(bridge)), state, directory: directory);
        await bridge.Entertainment.WaitUntilAsync(e => e.Sessions == 1 && e.Frames.Count > 25, Guard);
        return daemon;
    }

    private static string Config(string output) => $"""
        source:
          type: pattern
          fps: 30
          periodSeconds: 2
        smoothing:
          intensity: none
        lights:
          - name: tv
        outputs:
        {output}
        """;
}
