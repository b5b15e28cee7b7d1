using DominantColors.Colors;
using DominantColors.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DominantColors.Tests.Hosting;

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
        var invalid = Assert.Single(daemon.Logs.GetSnapshot(), r => r.Id.Id == 131);
        Assert.Contains("smoothing.intensity (line 6): 'extreme' is not allowed", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(0.25, live.Current.Calibration.Brightness);
    }
}
