using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using DominantColors.Colors;
using DominantColors.Hue.Colors;
using DominantColors.Hue.Streaming;

namespace DominantColors.Benchmarks.Hue;

/// <summary>
/// One Entertainment frame (10 channels: convert, write, seal, send) to openssl s_server on loopback, and, once, a real
/// 50 Hz loop of 500 frames paced as the sink paces them (absolute deadlines, <c>FramePacer</c> and <c>DeadlineSleeper</c>)
/// and one paced by the PeriodicTimer it replaced, whose send-interval jitter (|interval - 20 ms|) is printed as p50/p99.
/// </summary>
[MemoryDiagnoser]
public class HueStreamBenchmarks
{
    private const string AreaId = "0f1e2d3c-4b5a-4968-8776-655443322110";
    private const string PskHex = "00112233445566778899aabbccddeeff";
    private Process? _server;
    private DtlsPskConnection? _connection;
    private readonly HueStreamWriter _writer = new(AreaId, HueStreamColorSpace.XyBrightness, 10);
    private readonly XyColorConverter _converter = new();
    private int _frame;

    [GlobalSetup]
    public void Setup()
    {
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        var start = new ProcessStartInfo("openssl",
            $"s_server -dtls1_2 -psk {PskHex} -psk_identity bench -nocert -cipher PSK-AES128-GCM-SHA256 -quiet -accept 127.0.0.1:{port}")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _server = Process.Start(start)!;
        _server.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        for (var attempt = 0; _connection is null; attempt++)
        {
            try
            {
                _connection = DtlsPskConnection.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), "bench", Convert.FromHexString(PskHex),
                    TimeSpan.FromSeconds(3), CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (IOException) when (attempt < 10)
            {
                // s_server not listening yet.
            }
        }

        MeasureJitter();
    }

    [Benchmark]
    public void SendFrame()
    {
        var i = _frame++;
        for (var c = 0; c < _writer.ChannelCount; c++)
        {
            _writer.SetXyBrightness(c, (byte)c, _converter.Convert(new Rgb24((byte)i, (byte)(i * 3), (byte)(c * 20)), ColorGamut.C));
        }

        _connection!.Send(_writer.NextFrame());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection?.Dispose();
        _server?.Kill();
        _server?.Dispose();
    }

    private void MeasureJitter()
    {
        // The sink's pacing, the PeriodicTimer loop it replaced, and the pacing on a real-time thread (as the sink runs
        // it where allowed), back to back so all see the same machine load.
        Report("deadline pacer (the sink's)", MeasurePacer(out var skipped), skipped);
        Report("PeriodicTimer on the thread pool (before)", MeasurePeriodicTimer(), 0);
        var thread = new Thread(() =>
        {
            var realtime = DominantColors.Hue.Streaming.Native.RealtimeScheduling.TryMakeCurrentThreadRealtime(10);
            Report($"deadline pacer on a SCHED_FIFO thread as the sink runs it ({(realtime ? "granted" : "not granted")})", MeasurePacer(out var s), s);
        });
        thread.Start();
        thread.Join();
    }

    private const int Frames = 500;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    private double[] MeasurePacer(out long skipped)
    {
        var jitter = new double[Frames];
        using var stop = new ManualResetEvent(false);
        using var sleeper = new DeadlineSleeper(TimeProvider.System, stop);
        var pacer = new FramePacer((long)(Interval.TotalSeconds * Stopwatch.Frequency));
        pacer.Start(Stopwatch.GetTimestamp());
        var last = Stopwatch.GetTimestamp();
        for (var n = 0; n < Frames; n++)
        {
            sleeper.SleepUntil(pacer.Next);
            SendFrame();
            var now = Stopwatch.GetTimestamp();
            pacer.Advance(now);
            jitter[n] = Math.Abs(Stopwatch.GetElapsedTime(last, now).TotalMilliseconds - Interval.TotalMilliseconds);
            last = now;
        }

        skipped = pacer.Skipped;
        return jitter;
    }

    private double[] MeasurePeriodicTimer()
    {
        var jitter = new double[Frames];
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        var last = Stopwatch.GetTimestamp();
        for (var n = 0; n < Frames; n++)
        {
            timer.WaitForNextTickAsync().AsTask().GetAwaiter().GetResult();
            SendFrame();
            var now = Stopwatch.GetTimestamp();
            jitter[n] = Math.Abs(Stopwatch.GetElapsedTime(last, now).TotalMilliseconds - Interval.TotalMilliseconds);
            last = now;
        }

        return jitter;
    }

    private static void Report(string what, double[] jitter, long skipped)
    {
        Array.Sort(jitter);
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// Hue 50 Hz send-interval jitter, {what}, {Frames} frames: p50 {jitter[Frames / 2]:0.000} ms, p99 {jitter[(int)(Frames * 0.99)]:0.000} ms, max {jitter[^1]:0.000} ms, skipped slots {skipped}, load average {load}"));
    }
}
