namespace DominantColors.Outputs;

/// <summary>
/// How much later than its deadline a one-shot timer is armed. .NET's timers count time on the kernel's coarse clock,
/// which moves in whole kernel ticks (4 ms at HZ=250, as on Debian's and Raspberry Pi OS's kernels; 10 ms at HZ=100),
/// so a timer armed for a deadline read on the precise clock can fire up to a tick before that clock reaches it. Armed
/// again for the rest, it can fire early again, each firing waking the timer thread and a pool thread for nothing: a
/// wait that should cost one wake-up cost three or four. Armed a tick late, it fires once, after the deadline, which
/// nothing that waits on these timers (a folder's hold and rescan) can tell apart. Deadlines that keep moving use
/// <see cref="DeadlineTimer"/>, which keeps them on the precise clock instead.
/// Clocks other than the system's fire on time and get no slack.
/// </summary>
public static class TimerSlack
{
    /// <summary>The slack on the system clock: the longest kernel tick in use (HZ=100).</summary>
    public static readonly TimeSpan SystemClock = TimeSpan.FromMilliseconds(10);

    /// <summary>The slack to add to a timer's delay on <paramref name="timeProvider"/>.</summary>
    public static TimeSpan For(TimeProvider timeProvider) =>
        ReferenceEquals(timeProvider, TimeProvider.System) ? SystemClock : TimeSpan.Zero;
}
