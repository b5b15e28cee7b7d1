using System.Diagnostics;
using System.Globalization;
using DominantColors.Frames;
using DominantColors.Palettes;
using DominantColors.Testing.Imaging;

namespace DominantColors.Benchmarks.Extraction;

/// <summary>
/// A measured run, not a BenchmarkDotNet job: the same calls as <see cref="ColorEngineBenchmarks"/> (k = 8, the
/// same generated frames) in a loop, timed by this process's CPU time rather than the wall clock, so that on a
/// shared machine the figure is what one core spends per frame and not the wait for a core. Prints the median of
/// 7 rounds after one warm-up round. Run with <c>engine-measure</c>.
/// </summary>
public static class EngineMeasurement
{
    private const int FrameCount = 8;
    private const int Rounds = 7;

    public static void Run()
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load {File.ReadAllText("/proc/loadavg").Trim()}");
        var options = new ExtractionOptions { Colors = 8 };
        foreach (var (width, height, calls) in new[] { (64, 36, 20_000), (320, 180, 5_000), (1920, 1080, 2_000) })
        {
            var frames = Enumerable.Range(0, FrameCount).Select(f => SyntheticFrames.Scene(width, height, scene: 2, frame: f)).ToArray();
            var tracker = new PaletteTracker(options);
            foreach (var frame in frames)
            {
                tracker.Update(new Rgb24Image(frame, width, height));
            }

            Report($"{width}x{height} warm", calls, i => tracker.Update(new Rgb24Image(frames[i % FrameCount], width, height)));
        }

        var hd = SyntheticFrames.Scene(1920, 1080, scene: 2, frame: 0);
        var extractor = new PaletteExtractor(options);
        Report("1920x1080 cold", 200, _ => extractor.Extract(new Rgb24Image(hd, 1920, 1080)));
        Console.WriteLine($"load {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static void Report(string name, int calls, Action<int> call)
    {
        var perCall = new double[Rounds];
        long allocated = 0;
        for (var round = -1; round < Rounds; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < calls; i++)
            {
                call(i);
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime - start;
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (round >= 0)
            {
                perCall[round] = cpu.TotalMicroseconds / calls;
            }
        }

        Array.Sort(perCall);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-16} {perCall[Rounds / 2],10:f1} us CPU per call (median; min {perCall[0]:f1}, max {perCall[^1]:f1}), {allocated / (double)calls:f0} B allocated per call"));
    }
}
