using DominantColors.Frames;
using Microsoft.Extensions.Logging;

namespace DominantColors.Sources.Folder;

/// <summary>
/// Watches a folder and shows each new or replaced image once it is completely written: a file is read only after its
/// size and modification time held still for <see cref="FolderSourceSettings.Debounce"/>; hidden and temporary files
/// (<c>.name</c>, <c>*.tmp</c>, <c>*.part</c>, <c>*~</c>...) are ignored. A watcher reports changes at once, and a
/// periodic rescan catches what it missed. A file that cannot be decoded is logged once and tried again only when it
/// changes. A new image is handed on again every <see cref="FolderSourceSettings.Hold"/> while it settles
/// (<see cref="FolderSourceSettings.Settle"/>), then held without frames (<see cref="HoldsLastFrame"/>); with
/// <see cref="FolderSourceSettings.Slideshow"/> the folder's images are replayed in name order.
/// All waiting runs on one <see cref="PeriodicTimer"/> on the given clock, paced to what is due (see <c>Pace</c>).
/// </summary>
public sealed partial class FolderFrameSource : IFrameSource
{
    private static readonly string[] TemporarySuffixes = [".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".swp", "~"];

    private readonly FolderSourceSettings _settings;
    private readonly FramePool _pool;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, FileStamp> _settled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Candidate> _candidates = new(StringComparer.Ordinal);
    private readonly Queue<string> _changed = new();
    private readonly Lock _changedGate = new();
    private readonly byte[] _current;
    private readonly TimeSpan _tick;
    private FileSystemWatcher? _watcher;
    private PeriodicTimer? _timer;
    private bool _hasImage;
    private bool _folderMissingLogged;
    private long _lastScan;
    private long _lastEmit;
    private long _shownAt;
    private long _sequence;
    private int _slideshowIndex;

    public FolderFrameSource(FolderSourceSettings settings, int width, int height, TimeProvider timeProvider, ILogger<FolderFrameSource> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _settings = settings;
        _pool = new FramePool(width, height);
        _time = timeProvider;
        _logger = logger;
        _current = new byte[width * height * 3];
        var tick = settings.Debounce / 2;
        _tick = tick < TimeSpan.FromMilliseconds(20) ? TimeSpan.FromMilliseconds(20) : tick > TimeSpan.FromMilliseconds(250) ? TimeSpan.FromMilliseconds(250) : tick;
    }

    public string Name => "folder:" + _settings.Path;

    /// <summary>A picture stays shown until another replaces it: no frames while nothing changes.</summary>
    public bool HoldsLastFrame => true;

    /// <summary>Starts watching and shows the folder's newest image first; an absent folder is waited for.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new PeriodicTimer(_tick, _time);
        _period = _tick;
        _lastScan = _time.GetTimestamp();
        var existing = Scan();
        foreach (var (path, stamp) in existing)
        {
            _settled[path] = stamp;
        }

        // What is already there was written before we started: show the newest that decodes at once, so the service
        // is ready without waiting out a debounce. A newer file that fails (damaged, or half written after all) is
        // logged, read again when it changes, and does not leave the screen empty while an older image is fine.
        foreach (var (path, _) in existing.OrderByDescending(f => f.Value.Modified))
        {
            if (Decode(path))
            {
                break;
            }
        }

        TryStartWatcher();
        return Task.CompletedTask;
    }

    /// <summary>Waits for the next image (or the next hold or slideshow step) and returns it as a frame.</summary>
    public async ValueTask<Frame?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        var timer = _timer ?? throw new InvalidOperationException("StartAsync must run before ReadFrameAsync.");
        while (true)
        {
            if (Step() is { } frame)
            {
                return frame;
            }

            Pace(timer, _time.GetTimestamp());
            if (!await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        _timer?.Dispose();
        return ValueTask.CompletedTask;
    }

    private Frame? Step()
    {
        var now = _time.GetTimestamp();
        lock (_changedGate)
        {
            while (_changed.TryDequeue(out var path))
            {
                _candidates.TryAdd(path, new Candidate(FileStamp.None, now));
            }
        }

        if (_time.GetElapsedTime(_lastScan, now) >= _settings.Rescan)
        {
            _lastScan = now;
            foreach (var (path, stamp) in Scan())
            {
                if (!_settled.TryGetValue(path, out var settled) || settled != stamp)
                {
                    _candidates.TryAdd(path, new Candidate(FileStamp.None, now));
                }
            }

            TryStartWatcher();
        }

        if (ShowSettledCandidate(now))
        {
            return Emit(now);
        }

        if (_settings.Slideshow > TimeSpan.Zero && _hasImage && _time.GetElapsedTime(_lastEmit, now) >= _settings.Slideshow && ShowNextInSlideshow())
        {
            return Emit(now);
        }

        return Settling(now) && _time.GetElapsedTime(_lastEmit, now) >= _settings.Hold ? Emit(now) : null;
    }

    private bool ShowSettledCandidate(long now)
    {
        string? shown = null;
        foreach (var (path, candidate) in _candidates.ToList())
        {
            var stamp = FileStamp.Of(path);
            if (stamp == FileStamp.None)
            {
                _candidates.Remove(path);
            }
            else if (stamp != candidate.Stamp)
            {
                _candidates[path] = new Candidate(stamp, now);
            }
            else if (_time.GetElapsedTime(candidate.Since, now) >= _settings.Debounce)
            {
                _candidates.Remove(path);
                _settled[path] = stamp;
                if (Decode(path))
                {
                    shown = path;
                }
            }
        }

        return shown is not null;
    }

    private bool ShowNextInSlideshow()
    {
        var paths = _settled.Keys.Order(StringComparer.Ordinal).ToList();
        for (var tried = 0; tried < paths.Count; tried++)
        {
            _slideshowIndex = (_slideshowIndex + 1) % paths.Count;
            if (Decode(paths[_slideshowIndex]))
            {
                return true;
            }
        }

        return false;
    }

    private bool Decode(string path)
    {
        var failure = ImageDecoder.TryDecode(path, _pool.Width, _pool.Height, _settings.MaxPixels, _current);
        if (failure is null)
        {
            _hasImage = true;
            _shownAt = _time.GetTimestamp();
            Log.ImageShown(_logger, path);
            return true;
        }

        if (_failed.Add((path, _settled.GetValueOrDefault(path))))
        {
            Log.ImageUnreadable(_logger, path, failure);
        }

        return false;
    }

    /// <summary>Whether the image shown is new enough to be handed on again (see <see cref="FolderSourceSettings.Settle"/>).</summary>
    private bool Settling(long now) => _hasImage && _time.GetElapsedTime(_shownAt, now) < _settings.Settle;

    private Frame Emit(long now)
    {
        _lastEmit = now;
        var frame = _pool.Rent(now);
        frame.Sequence = _sequence++;
        _current.CopyTo(frame.PixelsToWrite);
        return frame;
    }

    private Dictionary<string, FileStamp> Scan()
    {
        var result = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        if (!Directory.Exists(_settings.Path))
        {
            if (!_folderMissingLogged)
            {
                _folderMissingLogged = true;
                Log.FolderMissing(_logger, _settings.Path);
            }

            // A watcher on a removed folder watches nothing, even once a folder of that name is back: drop it, so the
            // next scan that finds the folder watches it anew (and a later removal is a new episode, logged again).
            _watcher?.Dispose();
            _watcher = null;
            return result;
        }

        try
        {
            foreach (var path in Directory.EnumerateFiles(_settings.Path))
            {
                if (IsWanted(path) && FileStamp.Of(path) is var stamp && stamp != FileStamp.None)
                {
                    result[path] = stamp;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.WatcherFailed(_logger, ex);
        }

        return result;
    }

    private void TryStartWatcher()
    {
        if (_watcher is not null || !Directory.Exists(_settings.Path))
        {
            return;
        }

        _folderMissingLogged = false;
        try
        {
            var watcher = new FileSystemWatcher(_settings.Path)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
                IncludeSubdirectories = false,
            };
            watcher.Created += OnChanged;
            watcher.Changed += OnChanged;
            watcher.Renamed += (_, e) => Enqueue(e.FullPath);
            watcher.Error += (_, e) => Log.WatcherFailed(_logger, e.GetException());
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
            Log.FolderWatching(_logger, _settings.Path);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException)
        {
            Log.WatcherFailed(_logger, ex);
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => Enqueue(e.FullPath);

    private void Enqueue(string path)
    {
        if (IsWanted(path))
        {
            lock (_changedGate)
            {
                _changed.Enqueue(path);
                Wake();
            }
        }
    }

    private static bool IsWanted(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name.Length > 0 && name[0] != '.' && !name.StartsWith('~')
            && !TemporarySuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }
}
