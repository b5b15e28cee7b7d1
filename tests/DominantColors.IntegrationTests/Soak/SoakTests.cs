using System.Diagnostics;
using DominantColors.IntegrationTests.Peers;
using DominantColors.Testing.Hue;
using DominantColors.Testing.Mqtt;
using Xunit.Abstractions;

namespace DominantColors.IntegrationTests.Soak;

/// <summary>
/// The soak (opt-in, <c>SOAK_MINUTES=10</c>): the pattern source at 60 frames/s into MQTT (mosquitto), WLED (UDP) and
/// Hue Entertainment (the fake bridge) at once, with a fault every 15 s in turn from the start (broker down 3 s, DTLS
/// stream dropped, WLED port closed 3 s, config replaced by an invalid file and back). The daemon is the published app
/// in its own process, as the systemd unit runs it (<see cref="PublishedSoakDaemon"/>; <c>SOAK_DAEMON=in-process</c>
/// drives the host in this process instead). After the warm-up it samples the daemon every 5 s; the last 30 s are
/// fault-free so every output can settle. It asserts that resident memory (and in-process, the GC heap) grew by less
/// than 5 MB, that threads and open descriptors did not grow, and that every output is delivering at the end.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    private const long MaxGrowthBytes = 5 * 1024 * 1024;

    /// <summary>Thread-pool threads come and go with load; a leak grows without bound, this tolerance does not hide it.</summary>
    private const int ThreadTolerance = 2;

    private static readonly TimeSpan FaultEvery = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan FaultLength = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    /// <summary>A round: each of the four faults once (one a minute each).</summary>
    private static readonly TimeSpan Round = 4 * FaultEvery;

    /// <summary>
    /// Until the baseline: every fault kind has run <see cref="WarmUpRounds"/> times, then 10 s after the last began.
    /// Each fault runs its paths (reconnects, handshakes, the config reload) once a minute; their first runs load code
    /// pages and compile, and the runtime recompiles a method optimised only after 30 calls, so the first rounds
    /// grow the process (docs/reliability.md, "Soak test", has the growth round by round).
    /// </summary>
    private const int WarmUpRounds = 4;

    private static readonly TimeSpan WarmUp = (WarmUpRounds * Round) - TimeSpan.FromSeconds(5);

    /// <summary>Samples start after the first round, so the report shows the warm-up's growth too.</summary>
    private static readonly TimeSpan FirstSample = Round - TimeSpan.FromSeconds(5);

    [SoakFact]
    public async Task Daemon_SixtyFramesPerSecondIntoEveryOutputWithFaultsOnASchedule_HoldsMemoryThreadsAndHandles()
    {
        var total = TimeSpan.FromMinutes(SoakSettings.Minutes!.Value);
        Assert.True(total >= WarmUp + Settle + FaultEvery, $"SOAK_MINUTES must leave room for the warm-up ({WarmUp}), faults and the settling ({Settle})");

        using var jit = SoakSettings.InProcess ? new JitRecorder() : null;
        await using var broker = await MosquittoBroker.StartAsync();
        await using var bridge = new FakeHueBridge();
        bridge.Entertainment.KeepFrames = false;
        using var wled = new UdpPeer();
        await using var mqtt = new MqttCounter(broker.Port, "soak/#");
        await mqtt.ConnectAsync();
        var directory = Directory.CreateTempSubdirectory("dc-soak-").FullName;
        var state = Directory.CreateDirectory(Path.Combine(directory, "state")).FullName;
        await HueBridgePeer.WriteCredentialsAsync(bridge, state);
        var config = Config(broker.Port, wled.Port, HueBridgePeer.EntertainmentOutput(bridge));
        await using var daemon = SoakSettings.InProcess
            ? await InProcessSoakDaemon.StartAsync(directory, config)
            : await PublishedSoakDaemon.StartAsync(directory, config, await PublishedApp.LocateAsync(directory));

        // Faults run from the start, so the warm-up has been through every kind before the baseline (first-use costs
        // such as an assembly loaded to format an exception's stack trace belong before the baseline, not in the growth).
        var started = Stopwatch.GetTimestamp();
        ProcessFootprint? baseline = null;
        Dictionary<string, int>? baselineKinds = null;
        var samples = new List<(TimeSpan At, ProcessFootprint Footprint)>();
        var faults = 0;
        var nextSample = FirstSample;
        var nextFault = TimeSpan.Zero;
        while (Stopwatch.GetElapsedTime(started) < total - Settle)
        {
            var now = Stopwatch.GetElapsedTime(started);
            if (now >= nextFault)
            {
                await InjectAsync(faults++ % 4, broker, bridge, wled, mqtt, daemon, config);
                nextFault += FaultEvery;
            }
            else if (now >= nextSample)
            {
                // Read the frame counters every time, as Prometheus would scrape /metrics, so the one read at the end
                // is not a first use of the web server's code.
                await daemon.ReadFramesAsync();
                if (baseline is null && now >= WarmUp)
                {
                    jit?.Start();
                    baseline = await SampleAsync(daemon, 3);
                    baselineKinds = ProcessFootprint.DescriptorKinds(daemon.ProcessId);
                    samples.Add((now, baseline));
                }
                else
                {
                    samples.Add((now, daemon.Measure()));
                }

                nextSample += SampleEvery;
            }
            else
            {
                // The soak's own pace: the next sample or fault is due at a fixed time.
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }

        Assert.NotNull(baseline);
        Assert.NotNull(baselineKinds);
        await Task.Delay(Settle);
        var (mqttBefore, wledBefore, hueBefore, (framesBefore, _)) = (mqtt.Received, wled.Received, bridge.Entertainment.FrameCount, await daemon.ReadFramesAsync());
        await Task.Delay(TimeSpan.FromSeconds(5));
        var (frames, dropped) = await daemon.ReadFramesAsync();
        var delivered = new SoakDelivery(mqtt.Received - mqttBefore, wled.Received - wledBefore, bridge.Entertainment.FrameCount - hueBefore, frames - framesBefore);
        var final = await SampleAsync(daemon, 3);
        samples.Add((Stopwatch.GetElapsedTime(started), final));

        var finalKinds = ProcessFootprint.DescriptorKinds(daemon.ProcessId);
        var report = new SoakReport(total, WarmUp, WarmUpRounds, FaultEvery, Settle, faults, daemon.Description).Write(baseline, final, samples, delivered, frames, dropped, daemon.Warnings)
            + "Descriptors that changed: " + string.Join(", ", baselineKinds.Keys.Union(finalKinds.Keys)
                .Select(k => (Kind: k, Change: finalKinds.GetValueOrDefault(k) - baselineKinds.GetValueOrDefault(k)))
                .Where(c => c.Change != 0).Select(c => $"{c.Kind} {c.Change:+0;-0}").DefaultIfEmpty("none")) + "\n"
            + (jit is null ? "" : "Methods compiled after the warm-up, by type (top 15): "
                + string.Join(", ", jit.Top(15).Select(t => $"{t.Type} {t.Methods}"))
                + $"; native code compiled after the warm-up: {jit.CodeBytes / 1024} KB.\n");
        output.WriteLine(report);
        if (SoakSettings.ReportPath is { } path)
        {
            await File.WriteAllTextAsync(path, report);
        }

        Assert.True(daemon.IsRunning, report);
        Assert.True(final.ResidentBytes - baseline.ResidentBytes < MaxGrowthBytes, report);
        if (final.Managed is { } managed && baseline.Managed is { } before)
        {
            Assert.True(managed.GcHeapBytes - before.GcHeapBytes < MaxGrowthBytes, report);
        }

        Assert.True(final.Threads <= baseline.Threads + ThreadTolerance, report);
        Assert.True(final.FileDescriptors <= baseline.FileDescriptors, report);
        // Every output delivers at the end: WLED at frame rate, Hue at 50 Hz, MQTT on change (a 5 s color cycle).
        Assert.True(delivered.Wled > 5 * 30, report);
        Assert.True(delivered.Hue > 5 * 30, report);
        Assert.True(delivered.Mqtt > 5, report);
        Assert.True(delivered.Frames > 5 * 45, report);
    }

    private static async Task<ProcessFootprint> SampleAsync(ISoakDaemon daemon, int count)
    {
        var samples = new List<ProcessFootprint>();
        for (var i = 0; i < count; i++)
        {
            samples.Add(daemon.Measure());
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return ProcessFootprint.Median(samples);
    }

    private static async Task InjectAsync(
        int kind, MosquittoBroker broker, FakeHueBridge bridge, UdpPeer wled, MqttCounter mqtt, ISoakDaemon daemon, string config)
    {
        switch (kind)
        {
            case 0:
                await broker.StopAsync();
                await Task.Delay(FaultLength);
                await broker.StartAgainAsync();
                await mqtt.ConnectAsync();
                break;
            case 1:
                bridge.Entertainment.EndSession();
                break;
            case 2:
                wled.Close();
                await Task.Delay(FaultLength);
                wled.Reopen();
                break;
            default:
                await File.WriteAllTextAsync(daemon.ConfigPath, config.Replace("intensity: none", "intensity: extreme", StringComparison.Ordinal));
                await Task.Delay(FaultLength);
                await File.WriteAllTextAsync(daemon.ConfigPath, config);
                break;
        }
    }

    private static string Config(int brokerPort, int wledPort, string hue) => $"""
        source:
          type: pattern
          fps: 60
          periodSeconds: 5
        smoothing:
          intensity: none
        lights:
          - name: tv
        outputs:
          - type: mqtt
            broker: 127.0.0.1
            port: {brokerPort}
            preset: wled
            topic: soak/{"{light}"}
            lights: [tv]
            maxRate: 20
            keepAlive: 1
          - type: wled
            host: 127.0.0.1
            port: {wledPort}
            protocol: drgb
            lights: [tv]
            ledCount: 30
            jsonApi: false
            maxRate: 60
        {hue}
        """;
}
