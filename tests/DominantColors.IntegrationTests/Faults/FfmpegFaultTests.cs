using System.Diagnostics;
using DominantColors.IntegrationTests.Peers;
using DominantColors.Sources;
using DominantColors.Testing.Daemon;

namespace DominantColors.IntegrationTests.Faults;

/// <summary>
/// ffmpeg under the running daemon killed with SIGKILL and frozen with SIGSTOP: the daemon keeps running, the source
/// restarts ffmpeg and frames flow again within the stated time, and each episode is logged once (event 1401).
/// </summary>
public sealed class FfmpegFaultTests
{
    /// <summary>restartDelay (0.2 s) + ffmpeg start-up and first frame on a busy 2-core machine.</summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Ffmpeg_KilledWithSigkill_RestartsWithinBoundLoggingOnce()
    {
        var marker = "testsrc2=size=96x54:rate=25:duration=" + Random.Shared.Next(100_000, 999_999);
        using var wled = new UdpPeer();
        await using var daemon = await DaemonHarness.StartAsync(Config(marker, wled.Port, stallSeconds: 5));
        var ffmpeg = await RunningFfmpegAsync(daemon, marker);

        var killedAt = Stopwatch.GetTimestamp();
        ffmpeg.Signal("KILL");
        var restarting = await daemon.Logs.WaitForAsync(SourceEventIds.FfmpegRestarting, killedAt, Guard);
        var framesBefore = daemon.Metrics.Frames;
        var next = await ChildProcess.WaitForAsync(marker, daemon.Logs, Guard, except: ffmpeg.Id);
        await daemon.WaitForFramesAsync(5, Guard);
        var recovery = Stopwatch.GetElapsedTime(killedAt);

        Assert.NotEqual(ffmpeg.Id, next.Id);
        Assert.Contains("exited", restarting.Message, StringComparison.Ordinal);
        Assert.True(recovery < RecoveryBound, $"frames came back after {recovery.TotalSeconds:0.00} s, bound {RecoveryBound.TotalSeconds} s");
        Assert.True(daemon.Metrics.Frames > framesBefore);
        Assert.Equal(1, daemon.Logs.CountSince(SourceEventIds.FfmpegRestarting, killedAt));
        Assert.Equal(0, daemon.Logs.Count(DaemonEventIds.SourceFailed));
        var sent = wled.Received;
        await wled.WaitForAsync(sent, 5, Guard);
        Assert.True(daemon.IsRunning);
    }

    [Fact]
    public async Task Ffmpeg_StoppedBrieflyThenContinued_ResumesWithoutRestartOrLog()
    {
        var marker = "testsrc2=size=96x54:rate=25:duration=" + Random.Shared.Next(100_000, 999_999);
        using var wled = new UdpPeer();
        await using var daemon = await DaemonHarness.StartAsync(Config(marker, wled.Port, stallSeconds: 4));
        var ffmpeg = await RunningFfmpegAsync(daemon, marker);

        // Frozen for well under the stall timeout: a hiccup, not a fault.
        var frozenAt = Stopwatch.GetTimestamp();
        ffmpeg.Signal("STOP");
        var frozen = daemon.Metrics.Frames;
        // The daemon keeps WLED lit meanwhile: with no new colors the output repeats its frame at its 1 s keep-alive,
        // inside WLED's realtime timeout. The fault lasts until that repeat has come (at most 2.5 s, under the 4 s
        // stall timeout); a 1 s freeze could end before the keep-alive was due.
        var lit = wled.Received;
        var dark = await Record.ExceptionAsync(() => wled.WaitForAsync(lit, 1, TimeSpan.FromSeconds(2.5)));
        Assert.True(dark is null, "the outputs kept getting colors while the source was frozen");

        var continuedAt = Stopwatch.GetTimestamp();
        ffmpeg.Signal("CONT");
        await daemon.WaitForFramesAsync(10, Guard);

        Assert.True(Stopwatch.GetElapsedTime(continuedAt) < RecoveryBound);
        Assert.True(daemon.Metrics.Frames > frozen);
        Assert.True(ffmpeg.IsAlive, "the same ffmpeg carries on");
        Assert.Equal(0, daemon.Logs.CountSince(SourceEventIds.FfmpegRestarting, frozenAt));
        Assert.True(daemon.IsRunning);
    }

    [Fact]
    public async Task Ffmpeg_StoppedPastStallTimeout_IsReplacedWithinBoundLoggingOnce()
    {
        var marker = "testsrc2=size=96x54:rate=25:duration=" + Random.Shared.Next(100_000, 999_999);
        using var wled = new UdpPeer();
        await using var daemon = await DaemonHarness.StartAsync(Config(marker, wled.Port, stallSeconds: 2));
        var ffmpeg = await RunningFfmpegAsync(daemon, marker);

        var stoppedAt = Stopwatch.GetTimestamp();
        ffmpeg.Signal("STOP");
        var restarting = await daemon.Logs.WaitForAsync(SourceEventIds.FfmpegRestarting, stoppedAt, Guard);
        var detected = Stopwatch.GetElapsedTime(stoppedAt);
        // SIGCONT after the fact: the stalled ffmpeg was killed (SIGKILL reaches a stopped process) and stays dead.
        ffmpeg.Signal("CONT");
        await ChildProcess.WaitForAsync(marker, daemon.Logs, Guard, except: ffmpeg.Id);
        await daemon.WaitForFramesAsync(5, Guard);
        var recovery = Stopwatch.GetElapsedTime(stoppedAt);

        Assert.Contains("stalled", restarting.Message, StringComparison.Ordinal);
        // Stall timeout 2 s: the watchdog's deadline, 2 s after the last frame.
        Assert.True(detected < TimeSpan.FromSeconds(4), $"stall noticed after {detected.TotalSeconds:0.00} s");
        Assert.True(recovery < TimeSpan.FromSeconds(2) + RecoveryBound, $"frames came back after {recovery.TotalSeconds:0.00} s");
        Assert.False(ffmpeg.IsAlive);
        Assert.Equal(1, daemon.Logs.CountSince(SourceEventIds.FfmpegRestarting, stoppedAt));
        Assert.Equal(0, daemon.Logs.Count(DaemonEventIds.SourceFailed));
        Assert.True(daemon.IsRunning);
    }

    /// <summary>
    /// The ffmpeg that delivers frames now. A slow start on a loaded machine can trip the stall timeout once before
    /// the first frame (logged then, before the fault), so the process is looked up only once frames flow.
    /// </summary>
    private static async Task<ChildProcess> RunningFfmpegAsync(DaemonHarness daemon, string marker)
    {
        await ChildProcess.WaitForAsync(marker, daemon.Logs, Guard);
        await daemon.WaitForFramesAsync(10, Guard);
        return ChildProcess.Find(marker) ?? throw new InvalidOperationException("ffmpeg delivered frames but is gone.");
    }

    private static string Config(string input, int wledPort, int stallSeconds) => $"""
        source:
          type: ffmpeg
          format: lavfi
          input: "{input}"
          realtime: true
          stallTimeout: 00:00:0{stallSeconds}
          restartDelay: 00:00:00.2
        smoothing:
          intensity: none
        lights:
          - name: tv
        outputs:
          - type: wled
            host: 127.0.0.1
            port: {wledPort}
            protocol: drgb
            lights: [tv]
            ledCount: 3
            jsonApi: false
        """;
}
