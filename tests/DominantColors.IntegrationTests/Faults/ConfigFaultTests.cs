using System.Diagnostics;
using DominantColors.IntegrationTests.Peers;
using DominantColors.LiveReload;
using DominantColors.Testing.Daemon;
using Microsoft.Extensions.DependencyInjection;

namespace DominantColors.IntegrationTests.Faults;

/// <summary>
/// The config file replaced under the running daemon by an invalid one: the running configuration stays, the outputs
/// keep going, the error is logged once (event 131) however often the bad file is touched, the user's file is left
/// as they wrote it, and the next valid file is applied within the stated time.
/// </summary>
public sealed class ConfigFaultTests
{
    /// <summary>The watcher's 300 ms debounce + the reload, with room for a loaded machine.</summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ConfigFile_ReplacedByInvalidOnes_KeepsRunningConfigLogsOncePerEditAndAppliesTheNextValidOne()
    {
        using var wled = new UdpPeer();
        await using var daemon = await DaemonHarness.StartAsync(Config(wled.Port, "1.0"));
        var live = daemon.Host.Services.GetRequiredService<LiveConfig>();
        var running = live.Current;
        await daemon.WaitForFramesAsync(5, Guard);

        // An editor saving a bad value: written beside the file and renamed over it.
        var badValue = Config(wled.Port, "1.0").Replace("intensity: none", "intensity: extreme", StringComparison.Ordinal);
        var replacedAt = Stopwatch.GetTimestamp();
        await ReplaceAsync(daemon.ConfigPath, badValue);
        var invalid = await daemon.Logs.WaitForAsync(DaemonEventIds.ConfigReloadInvalid, replacedAt, Guard);
        Assert.Contains("smoothing.intensity", invalid.Message, StringComparison.Ordinal);

        // The same bad file saved again in place: its text has not changed, so it is not logged again (the count of
        // 2 below, after one more distinct bad file, proves it).
        await File.WriteAllTextAsync(daemon.ConfigPath, badValue);

        // Not YAML at all: a new episode, logged once.
        var brokenAt = Stopwatch.GetTimestamp();
        await ReplaceAsync(daemon.ConfigPath, "source: [pattern\n  lights: {");
        await daemon.Logs.WaitForAsync(DaemonEventIds.ConfigReloadInvalid, brokenAt, Guard);

        var lit = wled.Received;
        await wled.WaitForAsync(lit, 5, Guard);
        await daemon.WaitForFramesAsync(5, Guard);
        Assert.Same(running, live.Current);
        Assert.Equal("source: [pattern\n  lights: {", await File.ReadAllTextAsync(daemon.ConfigPath));
        Assert.Equal(2, daemon.Logs.CountSince(DaemonEventIds.ConfigReloadInvalid, replacedAt));

        var fixedAt = Stopwatch.GetTimestamp();
        await ReplaceAsync(daemon.ConfigPath, Config(wled.Port, "0.5"));
        await daemon.Logs.WaitForAsync(DaemonEventIds.ConfigReloaded, fixedAt, Guard);
        var recovery = Stopwatch.GetElapsedTime(fixedAt);

        Assert.True(recovery < RecoveryBound, $"the valid file was applied after {recovery.TotalSeconds:0.00} s, bound {RecoveryBound.TotalSeconds} s");
        Assert.Equal(0.5, live.Current.Calibration.Brightness);
        Assert.Equal(1, daemon.Logs.CountSince(DaemonEventIds.ConfigReloaded, replacedAt));
        Assert.True(daemon.IsRunning);
    }

    private static async Task ReplaceAsync(string path, string text)
    {
        var temporary = path + ".new";
        await File.WriteAllTextAsync(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    private static string Config(int wledPort, string brightness) => $"""
        source:
          type: pattern
          fps: 30
        smoothing:
          intensity: none
        calibration:
          brightness: {brightness}
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
