using System.Diagnostics;
using System.Globalization;

namespace DominantColors.Benchmarks;

/// <summary>
/// <see cref="PipelineStagesBenchmark"/>'s methods timed by CPU time instead of wall time, for a machine shared with
/// other work: per method, a warm-up round and 7 rounds of 20 000 calls, each timed by this process's CPU time
/// (<see cref="Process.TotalProcessorTime"/>), and the bytes the thread allocated over all rounds. Run with
/// <c>stages-cpu</c>.
/// </summary>
public static class PipelineStagesCpuMeasurement
{
    private const int Rounds = 7;
    private const int CallsPerRound = 20_000;

    public static void Run()
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load {File.ReadAllText("/proc/loadavg").Trim()}");
        var stages = new PipelineStagesBenchmark();
        stages.Setup();
        try
        {
            Measure("WholeChain", () => stages.WholeChain());
            Measure("BorderDetect", () => stages.BorderDetect());
            Measure("Calibrate", () => stages.Calibrate());
            Measure("Smooth", () => stages.Smooth());
            Measure("PickRaw", () => stages.PickRaw());
            Measure("PickHold", () => stages.PickHold());
        }
        finally
        {
            stages.Cleanup();
        }

        Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static void Measure(string name, Action call)
    {
        using var self = Process.GetCurrentProcess();
        Round(call, self);
        var perCall = new double[Rounds];
        var allocated = 0L;
        for (var r = 0; r < Rounds; r++)
        {
            (perCall[r], var bytes) = Round(call, self);
            allocated += bytes;
        }

        Array.Sort(perCall);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: CPU per call median {perCall[Rounds / 2]:F2} us (rounds {perCall[0]:F2}..{perCall[^1]:F2}), allocated {allocated} B over {Rounds * CallsPerRound} calls"));
    }

    /// <summary>CPU microseconds per call, and the bytes the calls allocated (reading the CPU clock allocates, so it is left out).</summary>
    private static (double CpuPerCall, long Allocated) Round(Action call, Process self)
    {
        self.Refresh();
        var start = self.TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < CallsPerRound; i++)
        {
            call();
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        self.Refresh();
        return ((self.TotalProcessorTime - start).TotalMicroseconds / CallsPerRound, allocated);
    }
}
