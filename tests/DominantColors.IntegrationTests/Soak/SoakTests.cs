using System.Diagnostics;
using System.Globalization;
using System.Text;
using DominantColors.Hue.Tests.Fakes;
using DominantColors.IntegrationTests.Peers;
using DominantColors.Mqtt.Tests.Brokers;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace DominantColors.IntegrationTests.Soak;

/// <summary>
/// The soak (opt-in, <c>SOAK_MINUTES=10</c>): the pattern source at 60 frames/s into MQTT (mosquitto), WLED (UDP) and
/// Hue Entertainment (the fake bridge) at once, with a fault every 15 s in turn from the start (broker down 3 s, DTLS
/// stream dropped, WLED port closed 3 s, config replaced by an invalid file and back). After a warm-up of one round of
/// faults it samples this process every 5 s; the last 30 s are fault-free so every output can settle. It asserts that resident memory and the GC heap grew
/// by less than 5 MB, that threads and open descriptors did not grow, and that every output is delivering at the end.
/// Everything runs in this process, so the figures include the peers (which only count what they receive).
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

    /// <summary>Until the baseline: one round of the four faults (at 0, 15, 30 and 45 s), then 10 s after the last began.</summary>
    private static readonly TimeSpan WarmUp = (4 * FaultEvery) - TimeSpan.FromSeconds(5);

    [SoakFact]
    public async Task Daemon_SixtyFramesPerSecondIntoEveryOutputWithFaultsOnASchedule_HoldsMemoryThreadsAndHandles()
    {
        var total = TimeSpan.FromMinutes(SoakSettings.Minutes!.Value);
        Assert.True(total >= WarmUp + Settle + FaultEvery, $"SOAK_MINUTES must leave room for the warm-up ({WarmUp}), faults and the settling ({Settle})");

        using var jit = new JitRecorder();
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
        await using var daemon = await RunningDaemon.StartAsync(config, state, LogLevel.Information, directory);

        // Faults run from the start, so the warm-up has been through every kind once (first-use costs such as an
        // assembly loaded to format an exception's stack trace belong before the baseline, not in the growth).
        var started = Stopwatch.GetTimestamp();
        ProcessFootprint? baseline = null;
        Dictionary<string, int>? baselineKinds = null;
        var samples = new List<(TimeSpan At, ProcessFootprint Footprint)>();
        var faults = 0;
        var nextSample = WarmUp;
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
                if (baseline is null)
                {
                    jit.Start();
                }

                var sample = baseline is null ? baseline = await SampleAsync(3) : ProcessFootprint.Measure();
                baselineKinds ??= ProcessFootprint.DescriptorKinds();
                samples.Add((now, sample));
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
        var (mqttBefore, wledBefore, hueBefore, framesBefore) = (mqtt.Received, wled.Received, bridge.Entertainment.FrameCount, daemon.Metrics.Frames);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var delivered = (Mqtt: mqtt.Received - mqttBefore, Wled: wled.Received - wledBefore, Hue: bridge.Entertainment.FrameCount - hueBefore, Frames: daemon.Metrics.Frames - framesBefore);
        var final = await SampleAsync(3);
        samples.Add((Stopwatch.GetElapsedTime(started), final));

        var finalKinds = ProcessFootprint.DescriptorKinds();
        var report = Report(total, WarmUp, faults, baseline, final, samples, delivered, daemon)
            + "Descriptors that changed: " + string.Join(", ", baselineKinds.Keys.Union(finalKinds.Keys)
                .Select(k => (Kind: k, Change: finalKinds.GetValueOrDefault(k) - baselineKinds.GetValueOrDefault(k)))
                .Where(c => c.Change != 0).Select(c => $"{c.Kind} {c.Change:+0;-0}").DefaultIfEmpty("none")) + "\n";
        report += "Methods compiled after the warm-up, by type (top 15): "
            + string.Join(", ", jit.Top(15).Select(t => $"{t.Type} {t.Methods}")) + "\n";
        output.WriteLine(report);
        if (SoakSettings.ReportPath is { } path)
        {
            await File.WriteAllTextAsync(path, report);
        }

        Assert.True(daemon.IsRunning);
        Assert.True(final.ResidentBytes - baseline.ResidentBytes < MaxGrowthBytes, report);
        Assert.True(final.GcHeapBytes - baseline.GcHeapBytes < MaxGrowthBytes, report);
        Assert.True(final.Threads <= baseline.Threads + ThreadTolerance, report);
        Assert.True(final.FileDescriptors <= baseline.FileDescriptors, report);
        // Every output delivers at the end: WLED at frame rate, Hue at 50 Hz, MQTT on change (a 5 s color cycle).
        Assert.True(delivered.Wled > 5 * 30, report);
        Assert.True(delivered.Hue > 5 * 30, report);
        Assert.True(delivered.Mqtt > 5, report);
        Assert.True(delivered.Frames > 5 * 45, report);
    }

    private static async Task<ProcessFootprint> SampleAsync(int count)
    {
        var samples = new List<ProcessFootprint>();
        for (var i = 0; i < count; i++)
        {
            samples.Add(ProcessFootprint.Measure());
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return ProcessFootprint.Median(samples);
    }

    private static async Task InjectAsync(
        int kind, MosquittoBroker broker, FakeHueBridge bridge, UdpPeer wled, MqttCounter mqtt, RunningDaemon daemon, string config)
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

    private static string Report(
        TimeSpan total, TimeSpan warmUp, int faults, ProcessFootprint baseline, ProcessFootprint final,
        List<(TimeSpan At, ProcessFootprint Footprint)> samples, (long Mqtt, long Wled, long Hue, long Frames) delivered, RunningDaemon daemon)
    {
        static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.00", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Soak: {total.TotalMinutes:0.#} min in all, warm-up {warmUp.TotalSeconds:0} s, {faults} faults (every {FaultEvery.TotalSeconds:0} s), last {Settle.TotalSeconds:0} s fault-free.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Frames analysed: {daemon.Metrics.Frames}, dropped by analysis: {daemon.Metrics.Dropped}.");
        text.AppendLine("| | after warm-up | at the end | growth |");
        text.AppendLine("| --- | ---: | ---: | ---: |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| resident memory (MB) | {Mb(baseline.ResidentBytes)} | {Mb(final.ResidentBytes)} | {Mb(final.ResidentBytes - baseline.ResidentBytes)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| resident before trimming glibc's free pages (MB) | {Mb(baseline.ResidentUntrimmedBytes)} | {Mb(final.ResidentUntrimmedBytes)} | {Mb(final.ResidentUntrimmedBytes - baseline.ResidentUntrimmedBytes)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| GC heap (MB) | {Mb(baseline.GcHeapBytes)} | {Mb(final.GcHeapBytes)} | {Mb(final.GcHeapBytes - baseline.GcHeapBytes)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| GC committed (MB) | {Mb(baseline.GcCommittedBytes)} | {Mb(final.GcCommittedBytes)} | {Mb(final.GcCommittedBytes - baseline.GcCommittedBytes)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| resident minus GC committed (MB) | {Mb(baseline.ResidentBytes - baseline.GcCommittedBytes)} | {Mb(final.ResidentBytes - final.GcCommittedBytes)} | {Mb(final.ResidentBytes - final.GcCommittedBytes - (baseline.ResidentBytes - baseline.GcCommittedBytes))} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| methods compiled | {baseline.JittedMethods} | {final.JittedMethods} | {final.JittedMethods - baseline.JittedMethods} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| threads | {baseline.Threads} | {final.Threads} | {final.Threads - baseline.Threads} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| open descriptors (less runtime .dll/.pdb) | {baseline.FileDescriptors} | {final.FileDescriptors} | {final.FileDescriptors - baseline.FileDescriptors} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"Delivered in the last 5 s: WLED {delivered.Wled} datagrams, Hue {delivered.Hue} frames, MQTT {delivered.Mqtt} messages; {delivered.Frames} frames analysed.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Peak during faults: resident {Mb(samples.Max(s => s.Footprint.ResidentBytes))} MB, GC heap {Mb(samples.Max(s => s.Footprint.GcHeapBytes))} MB, threads {samples.Max(s => s.Footprint.Threads)}, descriptors {samples.Max(s => s.Footprint.FileDescriptors)}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Warnings and errors logged: {daemon.Logs.Records.Count(r => r.Level >= LogLevel.Warning)}.");
        text.AppendLine("Every minute (s: resident MB (untrimmed MB) / GC committed MB / GC heap MB / methods compiled / threads / descriptors):");
        var minute = TimeSpan.Zero;
        foreach (var (at, footprint) in samples)
        {
            if (at >= minute)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {at.TotalSeconds:0}: {Mb(footprint.ResidentBytes)} ({Mb(footprint.ResidentUntrimmedBytes)}) / {Mb(footprint.GcCommittedBytes)} / {Mb(footprint.GcHeapBytes)} / {footprint.JittedMethods} / {footprint.Threads} / {footprint.FileDescriptors}");
                minute = at + TimeSpan.FromSeconds(55);
            }
        }

        return text.ToString();
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
