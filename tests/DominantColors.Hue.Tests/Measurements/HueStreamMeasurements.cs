using System.Diagnostics;
using System.Globalization;
using DominantColors.Colors;
using DominantColors.Hue.Bridge;
using DominantColors.Hue.Colors;
using DominantColors.Hue.Sinks;
using DominantColors.Outputs;
using DominantColors.Testing.Hue;
using Xunit.Abstractions;

namespace DominantColors.Hue.Tests.Measurements;

/// <summary>
/// The entertainment sink's own 50 Hz pace against the fake bridge's DTLS server on loopback, recorded in
/// docs/performance.md. 150 frames by default so the suite stays fast; DC_HUE_FRAMES=500 for the recorded figure.
/// A measurement, not a gate: CI leaves out <c>category=measurement</c>, since a loaded machine's scheduler sets the tail.
/// </summary>
[Trait("category", "measurement")]
public sealed class HueStreamMeasurements(ITestOutputHelper output)
{
    [Fact]
    public async Task Stream_At50Hz_IntervalsStayOnTheGridAndFramesAllocateNothing()
    {
        var frames = int.TryParse(Environment.GetEnvironmentVariable("DC_HUE_FRAMES"), CultureInfo.InvariantCulture, out var f) ? f : 150;
        const int WarmUp = 25;
        await using var bridge = new FakeHueBridge();
        string[] lights = ["tv:left", "tv:right", "tv:top"];
        using var client = new HueBridgeClient(bridge.Address, BridgeCertificatePin.ForPairedBridge(bridge.Credentials), bridge.ApplicationKey);
        var map = new HueChannelMap(lights, new Dictionary<int, string> { [0] = "tv:left", [1] = "tv:right", [2] = "tv:top" }, null);
        var options = new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port };
        var sink = new HueEntertainmentSink("hue:measure", client, bridge.Credentials, options, lights, map, new XyColorConverter(), new RestCommandBudget(TimeProvider.System), TimeProvider.System);

        var sentAt = new long[WarmUp + frames + 1];
        var allocated = new long[2];
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sink.FrameSent = n =>
        {
            if (n >= sentAt.Length)
            {
                return;
            }

            sentAt[n] = Stopwatch.GetTimestamp();
            if (n == WarmUp)
            {
                allocated[0] = GC.GetAllocatedBytesForCurrentThread();
            }
            else if (n == sentAt.Length - 1)
            {
                allocated[1] = GC.GetAllocatedBytesForCurrentThread();
                done.TrySetResult();
            }
        };
        using var feed = new LightFeed(lights);
        feed.Publish([new Rgb24(200, 40, 10), new Rgb24(10, 40, 200), new Rgb24(90, 200, 30)], 1);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(60 + (frames / 25)));
        await stop.CancelAsync();
        await run;

        var jitter = new double[frames];
        for (var n = 0; n < frames; n++)
        {
            var interval = Stopwatch.GetElapsedTime(sentAt[WarmUp + n], sentAt[WarmUp + n + 1]).TotalMilliseconds;
            jitter[n] = Math.Abs(interval - options.FrameInterval.TotalMilliseconds);
        }

        Array.Sort(jitter);
        var p50 = jitter[frames / 2];
        var p99 = jitter[(int)(frames * 0.99)];
        var perFrame = (allocated[1] - allocated[0]) / (double)frames;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Hue 50 Hz send-interval jitter over {frames} frames: p50 {p50:0.000} ms, p99 {p99:0.000} ms, max {jitter[^1]:0.000} ms; skipped slots {sink.SkippedFrames}; {perFrame:0.##} B allocated per frame; load average {LoadAverage()}"));

        // The budget is p99 5 ms on an idle machine (docs/performance.md). On a shared CI machine the tail is the
        // scheduler's, so the gate holds the median to the budget and only catches gross stalls in the tail.
        Assert.Equal(0, allocated[1] - allocated[0]);
        Assert.InRange(p50, 0, 5);
        Assert.InRange(p99, 0, 250);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
