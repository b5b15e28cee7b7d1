using System.Diagnostics;
using DominantColors.IntegrationTests.Peers;
using DominantColors.Mqtt;
using DominantColors.Testing.Daemon;
using DominantColors.Testing.Mqtt;

namespace DominantColors.IntegrationTests.Faults;

/// <summary>
/// A real mosquitto stopped (SIGKILL) for <see cref="BrokerOutage.Duration"/> and started again on the same port: the
/// daemon keeps running and its other outputs keep going, the loss is logged once (event 3003) and the failed
/// reconnects at most once at warning level (3001; later ones are debug), and colors reach the broker again within
/// <see cref="BrokerOutage.RecoveryBound"/>. The output's status (what the page, <c>/healthz</c> and the output meters
/// read) is disconnected with the broker named while it is away, and connected with one reconnect after.
/// </summary>
public sealed class MqttFaultTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Broker_StoppedAndStartedAgain_ReconnectsWithinBoundLoggingOnce()
    {
        var outage = BrokerOutage.Duration;
        var bound = BrokerOutage.RecoveryBound(outage);
        await using var broker = await MosquittoBroker.StartAsync();
        using var wled = new UdpPeer();
        await using var daemon = await DaemonHarness.StartAsync(Config(broker.Port, wled.Port));
        await using (var subscriber = await RecordingSubscriber.ConnectAsync(broker.Port, "faults/#"))
        {
            await subscriber.NextAsync(Guard);
        }

        var stoppedAt = Stopwatch.GetTimestamp();
        await broker.StopAsync();
        await daemon.Logs.WaitForAsync(MqttEventIds.ConnectionLost, stoppedAt, Guard);
        var lit = wled.Received;
        await Task.Delay(outage);
        Assert.True(wled.Received > lit + 10, "WLED kept streaming while the broker was away");
        var mqtt = daemon.Outputs.All.Single(o => o.Name.StartsWith("mqtt:", StringComparison.Ordinal)).Status;
        var udp = daemon.Outputs.All.Single(o => o.Name.StartsWith("wled:", StringComparison.Ordinal)).Status;
        Assert.False(mqtt.Connected);
        Assert.Contains($"127.0.0.1:{broker.Port}", mqtt.LastError, StringComparison.Ordinal);
        Assert.True(udp.Connected);

        await broker.StartAgainAsync();
        var backAt = Stopwatch.GetTimestamp();
        await using var again = await RecordingSubscriber.ConnectAsync(broker.Port, "faults/#");
        await again.NextAsync(bound + TimeSpan.FromSeconds(5));
        var recovery = Stopwatch.GetElapsedTime(backAt);

        Assert.True(recovery < bound, $"colors reached the broker {recovery.TotalSeconds:0.00} s after it came back (outage {outage.TotalSeconds} s), bound {bound.TotalSeconds:0.#} s");
        Assert.Equal(1, daemon.Logs.CountSince(MqttEventIds.ConnectionLost, stoppedAt));
        Assert.True(daemon.Logs.CountSince(MqttEventIds.ConnectFailed, stoppedAt) <= 1, daemon.Logs.Dump());
        Assert.Equal(1, daemon.Logs.CountSince(MqttEventIds.Connected, stoppedAt));
        Assert.True(mqtt.Connected);
        Assert.Equal(1, mqtt.Reconnects);
        Assert.True(mqtt.Faults >= 1);
        Assert.True(mqtt.Sent > 0);
        Assert.Equal(0, udp.Faults);
        Assert.True(daemon.IsRunning);
    }

    private static string Config(int brokerPort, int wledPort) => $"""
        source:
          type: pattern
          fps: 30
          periodSeconds: 2
        smoothing:
          intensity: none
        lights:
          - name: tv
        outputs:
          - type: mqtt
            broker: 127.0.0.1
            port: {brokerPort}
            preset: wled
            topic: faults/{"{light}"}
            lights: [tv]
            maxRate: 10
            keepAlive: 1
          - type: wled
            host: 127.0.0.1
            port: {wledPort}
            protocol: drgb
            lights: [tv]
            ledCount: 3
            jsonApi: false
        """;
}
