using System.Globalization;

namespace DominantColors.Benchmarks;

/// <summary>
/// The calling thread's own CPU time, exact to the nanosecond: the first field of <c>/proc/thread-self/schedstat</c>
/// (the scheduler's run time), where <c>/proc/PID/stat</c> counts in 10 ms ticks. Reading it allocates, so read it
/// around what is measured, not inside.
/// </summary>
internal static class ThreadRunTime
{
    /// <summary>This thread's run time so far, in nanoseconds.</summary>
    public static long Nanoseconds() =>
        long.Parse(File.ReadAllText("/proc/thread-self/schedstat").Split(' ')[0], CultureInfo.InvariantCulture);
}
