using System.Diagnostics;
using DominantColors.IntegrationTests.Peers;
using DominantColors.Wled;
using DominantColors.Testing;
using DominantColors.Testing.Daemon;

namespace DominantColors.IntegrationTests.Faults;

/// <summary>
/// The WLED host unreachable: its UDP port closed (sends meet ICMP port unreachable) and its JSON API refusing
/// connections. The daemon keeps running, logs the JSON API failure once (event 3022) and the send failure once for
/// the whole outage (3021), and streams again within the stated time once the port listens, logging that once (3024).
/// Its status reads disconnected, naming the host, through the outage and connected with one reconnect after.
/// </summary>
public sealed class WledFaultTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(3);

    /// <summary>The retry in progress when the port comes back (1, 2, 4 s ±20 %) + one frame.</summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(7);

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Wled_PortClosedAndJsonApiRefusing_KeepsRunningLogsOnceAndStreamsWithinBoundWhenBack()
    {
        using var wled = new UdpPeer();
        wled.Close();
        var refusingHttpPort = FreePort.Next();
        var downAt = Stopwatch.GetTimestamp();
        await using var daemon = await DaemonHarness.StartAsync(Config(wled.Port, refusingHttpPort));
        await daemon.Logs.WaitForAsync(WledEventIds.WledJsonFailed, downAt, Guard);
        await daemon.Logs.WaitForAsync(WledEventIds.WledSendFailed, downAt, Guard);

        // The outage lasts a fixed time (a parameter of the fault, not a wait for something).
        await Task.Delay(Outage);
        Assert.Equal(1, daemon.Logs.Count(WledEventIds.WledSendFailed));
        Assert.Equal(0, daemon.Logs.Count(WledEventIds.WledRecovered));
        Assert.True(daemon.IsRunning);
        var status = Assert.Single(daemon.Outputs.All).Status;
        Assert.False(status.Connected);
        Assert.Contains($"127.0.0.1:{wled.Port}", status.LastError, StringComparison.Ordinal);

        var backAt = Stopwatch.GetTimestamp();
        wled.Reopen();
        await wled.WaitForAsync(0, 5, Guard);
        var recovery = Stopwatch.GetElapsedTime(backAt);
        await daemon.Logs.WaitForAsync(WledEventIds.WledRecovered, backAt, Guard);

        Assert.True(recovery < RecoveryBound, $"WLED got frames {recovery.TotalSeconds:0.00} s after its port opened, bound {RecoveryBound.TotalSeconds} s");
        Assert.Equal(1, daemon.Logs.Count(WledEventIds.WledJsonFailed));
        Assert.Equal(1, daemon.Logs.Count(WledEventIds.WledSendFailed));
        Assert.Equal(1, daemon.Logs.Count(WledEventIds.WledRecovered));
        Assert.True(status.Connected);
        Assert.Equal(1, status.Reconnects);
        await daemon.WaitForFramesAsync(5, Guard);
        Assert.True(daemon.IsRunning);
    }

    private static string Config(int wledPort, int httpPort) => $"""
        source:
          type: pattern
          fps: 30
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
            jsonApi: true
            httpPort: {httpPort}
        """;
}
