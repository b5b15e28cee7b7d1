namespace DominantColors.LiveReload;

/// <summary>
/// How <see cref="LiveConfig"/> watches the config file. Edits happen in real time whatever clock drives the pipeline,
/// so the watcher waits on its own <see cref="Clock"/> (the system clock unless a test says otherwise).
/// </summary>
/// <param name="Debounce">Quiet time after a change before the file is read, so a save in several writes is read whole.</param>
/// <param name="PollInterval">
/// How often the file is compared with what was last read while no file system events arrive (off, or the watcher
/// could not start or failed).
/// </param>
/// <param name="Events">Whether to use file system events at all (off: the periodic check alone).</param>
/// <param name="Clock">The clock both waits run on.</param>
internal sealed record ConfigWatchSettings(TimeSpan Debounce, TimeSpan PollInterval, bool Events, TimeProvider Clock)
{
    /// <summary>
    /// How often the file is compared anyway while the watcher reports events: only a safety net (inotify does not
    /// lose events short of an overflow, which it reports), so slow enough that an idle daemon does not wake for it.
    /// </summary>
    public TimeSpan WatchedPollInterval { get; init; } = TimeSpan.FromMinutes(1);

    public static ConfigWatchSettings Default { get; } = new(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(2), Events: true, TimeProvider.System);
}
