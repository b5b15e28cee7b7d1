using System.Diagnostics;
using System.Globalization;
using DominantColors.Colors;
using DominantColors.Mqtt.Connection;
using DominantColors.Mqtt.Sink;
using DominantColors.Mqtt.Tests.Fakes;
using DominantColors.Mqtt.Tests.Presets;
using DominantColors.Outputs;
using DominantColors.Testing.Mqtt;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace DominantColors.Mqtt.Tests.Measurements;

/// <summary>
/// Timings against mosquitto on loopback, recorded in docs/performance.md. The outage runs 2 s by default; set
/// DC_OUTAGE_SECONDS=60 for the recorded figure. A measurement, not a gate: CI leaves out <c>category=measurement</c>,
/// since a loaded machine's scheduler sets the latency and other processes the heap.
/// </summary>
[Collection(RunAlone.Name)]
[Trait("category", "measurement")]
public sealed class MqttSinkMeasurements(ITestOutputHelper output)
{
    /// <summary>The gap between two colors: above the sink's 10 ms rate cap, so no color waits for it.</summary>
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(12);

    [Fact]
    public async Task Publish_LoopbackMosquitto_ColorReachesSubscriberWithinBudget()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var subscriber = await RecordingSubscriber.ConnectAsync(broker.Port, "wled/tv/col"); // colors only, not WLED's ON
        var options = Options(broker.Port);
        await using var sink = new MqttColorSink(options, TimeProvider.System, NullLogger<MqttColorSink>.Instance)
        {
            StateWait = TimeSpan.Zero, // measured from the first color on; no device answers the wait for state
        };
        long written = 0;
        sink.ColorPublished = _ => Volatile.Write(ref written, Stopwatch.GetTimestamp());
        var events = new EventRecorder<ConnectionEvent>();
        sink.ConnectionChanged += events.Add;
        using var feed = new LightFeed(options.Lights);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);
        await events.WaitForAsync(ConnectionEvent.Connected);

        const int Samples = 300;
        var latencies = new double[Samples];
        var toBroker = new double[Samples];
        var toHandler = new double[Samples];
        for (var i = 0; i < Samples + 20; i++)
        {
            // Alternate far-apart colors so each is a visible change; pace above the 100/s rate cap.
            var color = i % 2 == 0 ? new Rgb24(255, (byte)(i % 50), 0) : new Rgb24(0, (byte)(i % 50), 255);
            var start = Stopwatch.GetTimestamp();
            feed.Publish([color], i);
            var message = await subscriber.NextAsync();
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            Assert.Equal(color.ToHex(), message.Payload, ignoreCase: true);
            if (i >= 20)
            {
                latencies[i - 20] = elapsed;
                toBroker[i - 20] = Stopwatch.GetElapsedTime(start, Volatile.Read(ref written)).TotalMilliseconds;
                toHandler[i - 20] = Stopwatch.GetElapsedTime(start, subscriber.LastArrival).TotalMilliseconds;
            }

            // Task.Delay runs on a coarse clock and can end early: a color sent less than the rate cap's 10 ms after the
            // last one waits for the cap, and that wait was being measured as latency. Pace by the Stopwatch instead.
            while (Stopwatch.GetElapsedTime(start) < Pace)
            {
                await Task.Delay(1);
            }
        }

        Array.Sort(latencies);
        var p50 = latencies[Samples / 2];
        var p99 = latencies[(int)(Samples * 0.99)];
        output.WriteLine(Percentiles("feed → written to the broker connection (the sink's share)", toBroker));
        output.WriteLine(Percentiles("feed → subscriber's message handler (via mosquitto)", toHandler));
        output.WriteLine(Percentiles("feed → test awake with the message", latencies));
        output.WriteLine($"load average {LoadAverage()}");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        // The budget is p99 5 ms on an idle machine (docs/performance.md). On a shared CI machine the tail is the
        // scheduler's, so the gate holds the median to the budget and only catches gross stalls in the tail.
        Assert.InRange(p50, 0, 5);
        Assert.InRange(p99, 0, 250);
    }

    [Fact]
    public async Task Outage_At30FramesPerSecond_SendsNothingAndDoesNotGrow()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("DC_OUTAGE_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : 2;
        await using var broker = await MosquittoBroker.StartAsync();
        var options = Options(broker.Port);
        await using var sink = new MqttColorSink(options, TimeProvider.System, NullLogger.Instance, TimeSpan.FromMilliseconds(200))
        {
            StateWait = TimeSpan.Zero, // the outage is the subject; no device answers the wait for state
        };
        var events = new EventRecorder<ConnectionEvent>();
        sink.ConnectionChanged += events.Add;
        using var feed = new LightFeed(options.Lights);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);
        await events.WaitForAsync(ConnectionEvent.Connected);
        await broker.StopAsync();
        await events.WaitForAsync(ConnectionEvent.Lost);

        var published = sink.PublishedCount;
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var frames = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / 30));
        var frameCount = seconds * 30;
        for (var i = 0; i < frameCount; i++)
        {
            await frames.WaitForNextTickAsync();
            feed.Publish([new Rgb24((byte)i, (byte)(i >> 8), 99)], i);
        }

        var growth = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds} s outage, {frameCount} frames: heap growth {growth} bytes, messages attempted {sink.PublishedCount - published}"));

        Assert.Equal(published, sink.PublishedCount);
        Assert.InRange(growth, long.MinValue, 256 * 1024);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    private static string Percentiles(string what, double[] samples)
    {
        Array.Sort(samples);
        return string.Create(CultureInfo.InvariantCulture,
            $"{what}: p50 {samples[samples.Length / 2]:0.000} ms, p99 {samples[(int)(samples.Length * 0.99)]:0.000} ms, max {samples[^1]:0.000} ms ({samples.Length} samples)");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static MqttSinkOptions Options(int port)
    {
        var options = PresetWriterTests.Options("wled");
        options.Connection.Broker = "127.0.0.1";
        options.Connection.Port = port;
        options.MaxRate = 100;
        options.DeadBand = 0;
        return options;
    }
}
