using System.Runtime.InteropServices;

namespace DominantColors.Hue.Streaming.Native;

/// <summary>
/// Linux <c>sched_setscheduler(tid, SCHED_FIFO)</c> for one thread. The Entertainment stream thread sleeps almost
/// all the time and works for a few microseconds per frame, so running it real-time costs others nothing, while
/// under the default scheduler a woken thread can wait for a busy core for several milliseconds (the 50 Hz tail).
/// Needs CAP_SYS_NICE or an RLIMIT_RTPRIO of at least the priority (the shipped systemd unit sets
/// <c>LimitRTPRIO=10</c> and allows <c>sched_setscheduler</c>); without either the thread keeps the default policy.
/// </summary>
internal static partial class RealtimeScheduling
{
    private const int SchedFifo = 1;

    /// <summary>Makes the calling thread SCHED_FIFO at <paramref name="priority"/> (1-99); false when not allowed or not Linux.</summary>
    public static bool TryMakeCurrentThreadRealtime(int priority)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return SetScheduler(GetThreadId(), SchedFifo, in priority) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();

    /// <summary>sched_setscheduler(tid, policy, &amp;param); struct sched_param is one int, the priority.</summary>
    [LibraryImport("libc", EntryPoint = "sched_setscheduler")]
    private static partial int SetScheduler(int threadId, int policy, in int priority);
}
