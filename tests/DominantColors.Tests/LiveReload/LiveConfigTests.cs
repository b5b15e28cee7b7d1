using System.Threading.Channels;
using DominantColors.Colors;
using DominantColors.Hosting;
using DominantColors.LiveReload;
using DominantColors.Testing.Daemon;
using DominantColors.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DominantColors.Tests.LiveReload;

public sealed class LiveConfigTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    private const string Config = """
        source:
          type: pattern
          fps: 10
          periodSeconds: 1000
        smoothing:
          intensity: none
        calibration:
          brightness: {0}
        lights:
          - name: tv
        outputs:
          - type: test
            lights: [tv]
        """;

    [Fact]
    public async Task ReloadNow_ValidEditThenInvalidEdit_AppliesTheFirstAndKeepsItThroughTheSecondLoggingOnce()
    {
        await using var daemon = DaemonHarness.Start(Config.Replace("{0}", "1.0", StringComparison.Ordinal));
        await daemon.WaitStartedAsync();
        var live = daemon.Host.Services.GetRequiredService<LiveConfig>();
        await daemon.StepAsync(Step);
        var full = daemon.Sinks.Recording().Latest![0];

        await File.WriteAllTextAsync(daemon.ConfigPath, Config.Replace("{0}", "0.25", StringComparison.Ordinal));
        Assert.True(live.ReloadNow());
        await daemon.StepAsync(Step);
        var dimmed = daemon.Sinks.Recording().Latest![0];
        Assert.True(dimmed.R < full.R, $"{dimmed.ToHex()} should be dimmer than {full.ToHex()}");

        await File.WriteAllTextAsync(daemon.ConfigPath, Config.Replace("{0}", "0.25", StringComparison.Ordinal).Replace("intensity: none", "intensity: extreme", StringComparison.Ordinal));
        Assert.False(live.ReloadNow());
        Assert.False(live.ReloadNow());
        await daemon.StepAsync(Step);

        Assert.Equal(dimmed, daemon.Sinks.Recording().Latest![0]);
        var invalid = Assert.Single(daemon.Logs.Records, r => r.EventId == DaemonEventIds.ConfigReloadInvalid);
        Assert.Contains("smoothing.intensity (line 6): 'extreme' is not allowed", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(0.25, live.Current.Calibration.Brightness);
    }

    [Fact]
    public async Task FileEdit_SavedByRenameThenInvalidInPlace_IsAppliedLiveThenTheRunningConfigStays()
    {
        await using var daemon = DaemonHarness.Start(Config.Replace("{0}", "1.0", StringComparison.Ordinal));
        await daemon.WaitStartedAsync();
        var reloads = WatchReloads(daemon);
        await daemon.StepAsync(Step);
        var full = daemon.Sinks.Recording().Latest![0];

        // As vim or VS Code save: write a copy next to the file, then rename it over the original.
        await SaveByRenameAsync(daemon.ConfigPath, Config.Replace("{0}", "0.25", StringComparison.Ordinal));
        Assert.True(await NextReloadAsync(reloads));
        await daemon.StepAsync(Step);
        var dimmed = daemon.Sinks.Recording().Latest![0];
        Assert.True(dimmed.R < full.R, $"{dimmed.ToHex()} should be dimmer than {full.ToHex()}");
        Assert.Equal(0.25, daemon.Host.Services.GetRequiredService<LiveConfig>().Current.Calibration.Brightness);

        // As nano or echo > save: truncate and write the same file.
        await File.WriteAllTextAsync(daemon.ConfigPath, Config.Replace("{0}", "0.5", StringComparison.Ordinal).Replace("intensity: none", "intensity: extreme", StringComparison.Ordinal));
        Assert.False(await NextReloadAsync(reloads));
        await daemon.StepAsync(Step);

        Assert.Equal(dimmed, daemon.Sinks.Recording().Latest![0]);
        Assert.Equal(0.25, daemon.Host.Services.GetRequiredService<LiveConfig>().Current.Calibration.Brightness);
        var invalid = Assert.Single(daemon.Logs.Records, r => r.EventId == DaemonEventIds.ConfigReloadInvalid);
        Assert.Contains("smoothing.intensity (line 6): 'extreme' is not allowed", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileEdit_WithoutFileSystemEvents_IsFoundByThePeriodicCheck()
    {
        var watch = ConfigWatchSettings.Default with { Events = false, PollInterval = TimeSpan.FromMilliseconds(100), Debounce = TimeSpan.FromMilliseconds(50) };
        await using var daemon = DaemonHarness.Start(
            Config.Replace("{0}", "1.0", StringComparison.Ordinal), configureServices: services => services.AddSingleton(watch));
        await daemon.WaitStartedAsync();
        var reloads = WatchReloads(daemon);

        await SaveByRenameAsync(daemon.ConfigPath, Config.Replace("{0}", "0.4", StringComparison.Ordinal));

        Assert.True(await NextReloadAsync(reloads));
        Assert.Equal(0.4, daemon.Host.Services.GetRequiredService<LiveConfig>().Current.Calibration.Brightness);
        Assert.Single(daemon.Logs.Records, r => r.EventId == DaemonEventIds.ConfigReloaded);
    }

    [Fact]
    public async Task FileEdit_WithEventsAndNoPeriodicCheck_IsFoundByTheWatcherAlone()
    {
        var watch = ConfigWatchSettings.Default with { PollInterval = Timeout.InfiniteTimeSpan, WatchedPollInterval = Timeout.InfiniteTimeSpan };
        await using var daemon = DaemonHarness.Start(
            Config.Replace("{0}", "1.0", StringComparison.Ordinal), configureServices: services => services.AddSingleton(watch));
        await daemon.WaitStartedAsync();
        var reloads = WatchReloads(daemon);
        var live = daemon.Host.Services.GetRequiredService<LiveConfig>();

        await SaveByRenameAsync(daemon.ConfigPath, Config.Replace("{0}", "0.4", StringComparison.Ordinal));
        Assert.True(await NextReloadAsync(reloads));
        Assert.Equal(0.4, live.Current.Calibration.Brightness);

        await File.WriteAllTextAsync(daemon.ConfigPath, Config.Replace("{0}", "0.6", StringComparison.Ordinal));
        Assert.True(await NextReloadAsync(reloads));
        Assert.Equal(0.6, live.Current.Calibration.Brightness);
    }

    /// <summary>Every reload attempt's outcome, in order (the watcher raises them on its own thread).</summary>
    private static ChannelReader<bool> WatchReloads(DaemonHarness daemon)
    {
        var reloads = Channel.CreateUnbounded<bool>();
        daemon.Host.Services.GetRequiredService<LiveConfig>().Reloaded += (_, applied) => reloads.Writer.TryWrite(applied);
        return reloads.Reader;
    }

    private static async Task<bool> NextReloadAsync(ChannelReader<bool> reloads)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await reloads.ReadAsync(timeout.Token);
    }

    private static async Task SaveByRenameAsync(string path, string text)
    {
        var copy = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".swp");
        await File.WriteAllTextAsync(copy, text);
        File.Move(copy, path, overwrite: true);
    }
}
