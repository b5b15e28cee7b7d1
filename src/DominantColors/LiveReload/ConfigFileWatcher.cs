using Microsoft.Extensions.Logging;

namespace DominantColors.LiveReload;

/// <summary>
/// Tells <see cref="LiveConfig"/> when the config file may have changed. It watches the file's whole directory, not
/// the name: editors save by writing a temporary file and renaming it over the config (vim, VS Code, sed -i), and
/// Kubernetes swaps a symlink, and a watch on the name alone can miss those. Every event only prompts a comparison of
/// the file with what was last read, so events for other files or several events per save cost nothing more. When
/// the watcher cannot start (no inotify instances left) or reports an error (an overflow), <see cref="Watching"/> turns
/// false and the caller's frequent periodic check carries on alone.
/// </summary>
internal sealed class ConfigFileWatcher : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly FileSystemWatcher? _watcher;
    private volatile bool _failed;

    public ConfigFileWatcher(string path, bool events, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!events)
        {
            return;
        }

        var directory = Path.GetDirectoryName(path)!;
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(directory)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            watcher.Changed += (_, _) => Signal();
            watcher.Created += (_, _) => Signal();
            watcher.Deleted += (_, _) => Signal();
            watcher.Renamed += (_, _) => Signal();
            watcher.Error += (_, _) =>
            {
                _failed = true;
                Signal();
            };
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
        {
            watcher?.Dispose();
            Log.ConfigWatchUnavailable(logger, directory, ex.Message);
        }
    }

    /// <summary>Whether file system events arrive (false: only the periodic check, since the start or since an error).</summary>
    public bool Watching => _watcher is not null && !_failed;

    /// <summary>Waits for an event or for <paramref name="poll"/> to pass; true when an event came.</summary>
    public async Task<bool> WaitAsync(TimeSpan poll, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = _signal.WaitAsync(either.Token);
        var tick = Task.Delay(poll, clock, either.Token);
        await Task.WhenAny(signalled, tick).ConfigureAwait(false);
        await either.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        // Whichever finished first, the file is compared next; a signal taken in the race is not lost either way.
        return signalled.IsCompletedSuccessfully;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _signal.Dispose();
    }

    private void Signal()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // One pending check is enough.
            }
            catch (ObjectDisposedException)
            {
                // An event raced with shutdown.
            }
        }
    }
}
