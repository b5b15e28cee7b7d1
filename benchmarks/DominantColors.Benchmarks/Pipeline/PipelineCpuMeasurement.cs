using System.Diagnostics;
using System.Globalization;

namespace DominantColors.Benchmarks.Pipeline;

/// <summary>
/// <see cref="WholePipelineBenchmark"/>'s frame timed by CPU time instead of wall time, for a machine shared with other
/// work: 7 rounds of 20 000 frames after a warm-up round, each timed by this process's CPU time
/// (<see cref="Process.TotalProcessorTime"/>), and the bytes the thread allocated over all rounds. Run with
/// <c>pipeline-cpu</c>.
/// </summary>
public static class PipelineCpuMeasurement
{
    private const int Rounds = 7;
    private const int FramesPerRound = 20_000;

    public static void Run()
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (var lights in new[] { 3, 8 })
        {
            foreach (var web in new[] { false, true })
            {
                using var benchmark = new WholePipelineBenchmark { Lights = lights, WebOn = web };
                using var self = Process.GetCurrentProcess();
                benchmark.Setup();
                Round(benchmark, self);
                var perFrame = new double[Rounds];
                var allocated = 0L;
                for (var r = 0; r < Rounds; r++)
                {
                    (perFrame[r], var bytes) = Round(benchmark, self);
                    allocated += bytes;
                }

                Array.Sort(perFrame);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"lights {lights}, web {(web ? "on " : "off")}: CPU per frame median {perFrame[Rounds / 2]:F1} us (rounds {perFrame[0]:F1}..{perFrame[^1]:F1}), allocated {allocated} B over {Rounds * FramesPerRound} frames"));
            }
        }

        Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    /// <summary>CPU microseconds per frame, and the bytes the frames allocated (reading the CPU clock allocates, so it is left out).</summary>
    private static (double CpuPerFrame, long Allocated) Round(WholePipelineBenchmark benchmark, Process self)
    {
        self.Refresh();
        var start = self.TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < FramesPerRound; i++)
        {
            benchmark.Frame();
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        self.Refresh();
        return ((self.TotalProcessorTime - start).TotalMicroseconds / FramesPerRound, allocated);
    }
}
