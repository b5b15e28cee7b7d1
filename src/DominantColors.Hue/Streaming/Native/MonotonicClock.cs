using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DominantColors.Hue.Streaming.Native;

/// <summary>
/// Linux <c>clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME)</c>: sleeps until an absolute <see cref="Stopwatch"/>
/// timestamp with the kernel's high-resolution timers (tens of microseconds late at most on an idle core), where a
/// managed wait rounds to whole milliseconds. Used only where <see cref="Stopwatch"/> is that same clock in nanoseconds.
/// </summary>
internal static partial class MonotonicClock
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsolute = 1;
    private const int EINTR = 4;

    /// <summary>True when <see cref="Stopwatch"/> timestamps are CLOCK_MONOTONIC nanoseconds and the call is there.</summary>
    public static bool IsAvailable { get; } = Probe();

    /// <summary>Sleeps until <paramref name="timestamp"/> (a <see cref="Stopwatch"/> timestamp); false if the call failed.</summary>
    public static bool SleepUntil(long timestamp)
    {
        var when = new TimeSpec { Seconds = (nint)(timestamp / 1_000_000_000), Nanoseconds = (nint)(timestamp % 1_000_000_000) };
        int result;
        do
        {
            result = ClockNanosleep(ClockMonotonic, TimerAbsolute, in when, IntPtr.Zero);
        }
        while (result == EINTR);

        return result == 0;
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux() || Stopwatch.Frequency != 1_000_000_000)
        {
            return false;
        }

        try
        {
            var before = Stopwatch.GetTimestamp();
            if (ClockGetTime(ClockMonotonic, out var now) != 0)
            {
                return false;
            }

            var after = Stopwatch.GetTimestamp();
            var native = ((long)now.Seconds * 1_000_000_000) + now.Nanoseconds;
            return native >= before - 1_000_000 && native <= after + 1_000_000;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, in TimeSpec request, IntPtr remain);

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>struct timespec: time_t and long, both the platform's word size on Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public nint Seconds;
        public nint Nanoseconds;
    }
}
