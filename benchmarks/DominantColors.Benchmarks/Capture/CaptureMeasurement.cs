using System.Diagnostics;
using System.Globalization;
using DominantColors.Colors;
using DominantColors.Outputs;
using DominantColors.Sources.Ffmpeg;
using DominantColors.Sources.V4l2;
using Microsoft.Extensions.Logging.Abstractions;

namespace DominantColors.Benchmarks.Capture;

/// <summary>
/// A measured run, not a BenchmarkDotNet job: ffmpeg delivers 1080p30 (YUYV from lavfi, or an MJPEG file at
/// several <c>-lowres</c> settings) scaled to 64x36; this process reads each frame, reduces it to one mean color
/// and publishes it to a <see cref="LightFeed"/>. Reports this process's CPU share, ffmpeg's, and the latency from
/// the source's read to the feed. Run with <c>capture-measure [seconds]</c>;
/// <c>capture-measure convert</c> measures the native conversion's CPU time per frame instead.
/// </summary>
public static class CaptureMeasurement
{
    public static async Task RunAsync(string[] args)
    {
        if (args is [_, "convert"])
        {
            MeasureConversionCpu();
            return;
        }

        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load {File.ReadAllText("/proc/loadavg").Trim()}");
        await MeasureBaselineAsync(seconds).ConfigureAwait(false);
        await MeasureAsync("YUYV 1080p30 (lavfi testsrc2, yuyv422)", new FfmpegSourceOptions
        {
            Format = "lavfi",
            Input = "testsrc2=size=1920x1080:rate=30,format=yuyv422",
            Realtime = true,
        }, seconds).ConfigureAwait(false);
        if (args is [_, _, "yuyv"])
        {
            return;
        }

        var mjpeg = Path.Combine(Path.GetTempPath(), "dominant-colors-1080p30.avi");
        if (!File.Exists(mjpeg))
        {
            using var encode = Process.Start("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30", "-t", "10", "-c:v", "mjpeg", "-q:v", "5", "-pix_fmt", "yuvj422p", mjpeg]);
            await encode.WaitForExitAsync().ConfigureAwait(false);
        }

        foreach (var lowres in new[] { 0, 2, 3 })
        {
            await MeasureAsync($"MJPEG 1080p30 file, -lowres {lowres}", new FfmpegSourceOptions
            {
                Input = mjpeg,
                Realtime = true,
                Lowres = lowres,
                InputArguments = ["-stream_loop", "-1"],
            }, seconds).ConfigureAwait(false);
        }
    }

    private static async Task MeasureAsync(string label, FfmpegSourceOptions options, int seconds)
    {
        await using var source = new FfmpegFrameSource(options, 64, 36, TimeProvider.System, NullLogger<FfmpegFrameSource>.Instance);
        using var feed = new LightFeed(["mean"]);
        var colors = new Rgb24[1];
        var latencies = new double[seconds * 40];
        await source.StartAsync(CancellationToken.None).ConfigureAwait(false);

        // Warm up (JIT, ffmpeg start) for 3 s, then measure.
        var warmUpEnd = Stopwatch.GetTimestamp() + (3 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < warmUpEnd)
        {
            (await source.ReadFrameAsync(CancellationToken.None).ConfigureAwait(false))!.Dispose();
        }

        using var self = Process.GetCurrentProcess();
        using var ffmpeg = Process.GetProcessById(source.ProcessId!.Value);
        self.Refresh();
        var selfCpu = self.TotalProcessorTime;
        var ffmpegCpu = ffmpeg.TotalProcessorTime;
        var dropped = source.DroppedFrames;
        var start = Stopwatch.GetTimestamp();
        var end = start + (seconds * Stopwatch.Frequency);
        var frames = 0;
        while (Stopwatch.GetTimestamp() < end)
        {
            using var frame = (await source.ReadFrameAsync(CancellationToken.None).ConfigureAwait(false))!;
            colors[0] = Mean(frame.Pixels);
            feed.Publish(colors, frame.Timestamp);
            if (frames < latencies.Length)
            {
                latencies[frames] = Stopwatch.GetElapsedTime(frame.Timestamp).TotalMilliseconds;
            }

            frames++;
        }

        var wall = Stopwatch.GetElapsedTime(start);
        self.Refresh();
        ffmpeg.Refresh();
        var selfShare = (self.TotalProcessorTime - selfCpu) / wall;
        var ffmpegShare = (ffmpeg.TotalProcessorTime - ffmpegCpu) / wall;
        var measured = latencies.AsSpan(0, Math.Min(frames, latencies.Length));
        measured.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {frames / wall.TotalSeconds:0.0} fps read, dropped {source.DroppedFrames - dropped}; daemon CPU {selfShare:P2} of one core, ffmpeg CPU {ffmpegShare:P1}; read-to-feed latency p50 {Percentile(measured, 0.50):0.000} ms, p99 {Percentile(measured, 0.99):0.000} ms, max {measured[^1]:0.000} ms"));
    }

    /// <summary>
    /// The same consumer woken 30 times a second by a timer instead of by frames: what any loop at that rate costs
    /// this process on this machine, so the capture's own share can be told apart.
    /// </summary>
    private static async Task MeasureBaselineAsync(int seconds)
    {
        using var feed = new LightFeed(["mean"]);
        var colors = new Rgb24[1];
        var pixels = new byte[64 * 36 * 3];
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / 30));
        for (var i = 0; i < 90; i++)
        {
            await timer.WaitForNextTickAsync().ConfigureAwait(false);
        }

        using var self = Process.GetCurrentProcess();
        var selfCpu = self.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < seconds * 30; i++)
        {
            await timer.WaitForNextTickAsync().ConfigureAwait(false);
            colors[0] = Mean(pixels);
            feed.Publish(colors, Stopwatch.GetTimestamp());
        }

        self.Refresh();
        var share = (self.TotalProcessorTime - selfCpu) / Stopwatch.GetElapsedTime(start);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"baseline (timer at 30 Hz, no source): process CPU {share:P2} of one core"));
    }

    /// <summary>
    /// CPU time per 1080p to 64x36 conversion, from the process's CPU clock rather than the wall clock, which on a
    /// shared machine mostly measures the wait for a core: 7 rounds of 200 conversions, median round.
    /// </summary>
    private static void MeasureConversionCpu()
    {
        foreach (var (format, bytesPerLine) in new[] { (V4l2PixelFormats.Yuyv, 3840), (V4l2PixelFormats.Uyvy, 3840), (V4l2PixelFormats.Nv12, 1920) })
        {
            var converter = new YuvFrameConverter(format, 1920, 1080, bytesPerLine, 64, 36);
            var source = new byte[converter.RequiredBytes];
            new Random(1080).NextBytes(source);
            var rgb = new byte[64 * 36 * 3];
            using var self = Process.GetCurrentProcess();
            var rounds = new double[7];
            for (var round = -1; round < rounds.Length; round++)
            {
                self.Refresh();
                var before = self.TotalProcessorTime;
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < 200; i++)
                {
                    converter.Convert(source, rgb);
                }

                allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
                self.Refresh();
                if (round >= 0)
                {
                    rounds[round] = (self.TotalProcessorTime - before).TotalMilliseconds / 200;
                }

                if (round == rounds.Length - 1)
                {
                    Array.Sort(rounds);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{V4l2PixelFormats.ToFourCc(format)} 1920x1080 -> 64x36: CPU {rounds[3]:0.000} ms per frame (median of 7 rounds of 200; min {rounds[0]:0.000}, max {rounds[^1]:0.000}), allocated {allocated} B per 200 frames"));
                }
            }
        }
    }

    private static Rgb24 Mean(ReadOnlySpan<byte> pixels)
    {
        long r = 0, g = 0, b = 0;
        for (var i = 0; i < pixels.Length; i += 3)
        {
            r += pixels[i];
            g += pixels[i + 1];
            b += pixels[i + 2];
        }

        var n = pixels.Length / 3;
        return new Rgb24((byte)(r / n), (byte)(g / n), (byte)(b / n));
    }

    private static double Percentile(ReadOnlySpan<double> sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
}
