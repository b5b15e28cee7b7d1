using System.Globalization;

namespace DominantColors.Benchmarks.Pipeline;

/// <summary>
/// <see cref="WholePipelineBenchmark"/>'s frame as the daemon meets it: one frame every 33 ms, the thread asleep in
/// between, so each frame starts on caches and branch predictors other work has cooled. CPU time is the thread's own
/// run time from <c>/proc/thread-self/schedstat</c> (nanoseconds), over 900 paced frames after 300 warm ones; the
/// same loop without frames is the cost of the sleeps and wakes alone, taken off. Run with <c>pipeline-cpu paced [lights...]</c>
/// (3, 4 and 8 lights unless given).
/// </summary>
public static class PacedPipelineMeasurement
{
    private const int Frames = 900;
    private static readonly TimeSpan Pace = TimeSpan.FromSeconds(1.0 / 30);

    public static void Run(IReadOnlyList<int> lightCounts)
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load {File.ReadAllText("/proc/loadavg").Trim()}");
        var empty = Paced(() => { });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sleep and wake alone: {empty:F1} us per 33 ms"));
        foreach (var lights in lightCounts)
        {
            using var benchmark = new WholePipelineBenchmark { Lights = lights };
            benchmark.Setup();
            for (var i = 0; i < 20_000; i++)
            {
                benchmark.Frame();
            }

            var hot = Hot(benchmark);
            var paced = Paced(() => benchmark.Frame()) - empty;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"lights {lights}: back to back {hot:F1} us per frame, paced {paced:F1} us per frame ({paced / hot:F1}x); load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        }
    }

    private static double Hot(WholePipelineBenchmark benchmark)
    {
        var start = ThreadRunTime.Nanoseconds();
        for (var i = 0; i < 10_000; i++)
        {
            benchmark.Frame();
        }

        return (ThreadRunTime.Nanoseconds() - start) / 1000.0 / 10_000;
    }

    private static double Paced(Action frame)
    {
        // Blocks this thread as the daemon's reader blocks on its pipe (no spinning first): the frames must run on it.
        using var never = new ManualResetEventSlim(false, spinCount: 0);
        for (var i = 0; i < 300; i++)
        {
            never.Wait(Pace);
            frame();
        }

        var start = ThreadRunTime.Nanoseconds();
        for (var i = 0; i < Frames; i++)
        {
            never.Wait(Pace);
            frame();
        }

        return (ThreadRunTime.Nanoseconds() - start) / 1000.0 / Frames;
    }
}
