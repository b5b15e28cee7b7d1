namespace DominantColors.LiveReload;

/// <summary>
/// How <see cref="LiveConfig"/> watches the config file. Edits happen in real time whatever clock drives the pipeline,
/// so the watcher waits on its own <see cref="Clock"/> (the system clock unless a test says otherwise).
/// </summary>
/// <param name="Debounce">Quiet time after a change before the file is read, so a save in several writes is read whole.</param>
/// <param name="PollInterval">How often the file is compared with what was last read: the safety net for missed events.</param>
/// <param name="Events">Whether to use file system events at all (off: the periodic check alone).</param>
/// <param name="Clock">The clock both waits run on.</param>
internal sealed record ConfigWatchSettings(TimeSpan Debounce, TimeSpan PollInterval, bool Events, TimeProvider Clock)
{
    public static ConfigWatchSettings Default { get; } = new(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(2), Events: true, TimeProvider.System);
}
