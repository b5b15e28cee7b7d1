using DominantColors.Configuration;
using DominantColors.Control;
using DominantColors.Hosting;
using DominantColors.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DominantColors.LiveReload;

/// <summary>
/// Reloads the config file when it changes and applies what can change live: smoothing, calibration, signal
/// handling and the lights' zones and picks. A change to the source, the outputs or the set of light names is
/// logged as needing a restart. An invalid edit is logged once (until the file changes again) and the running
/// configuration stays.
/// </summary>
internal sealed class LiveConfig : BackgroundService
{
    private readonly ConfigFile _file;
    private readonly CommandLineSwitches _switches;
    private readonly ConfigChecker _checker;
    private readonly PipelineService _pipeline;
    private readonly AmbientSettings _control;
    private readonly ConfigWatchSettings _watch;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private DaemonConfig _current;
    private string? _lastError;
    private string? _seen;

    public LiveConfig(
        ConfigFile file, CommandLineSwitches switches, ConfigChecker checker, PipelineService pipeline, AmbientSettings control,
        DaemonConfig initial, ConfigWatchSettings watch, ILogger<LiveConfig> logger)
    {
        _file = file;
        _switches = switches;
        _checker = checker;
        _pipeline = pipeline;
        _control = control;
        _current = initial;
        _watch = watch;
        _logger = logger;
        _seen = file.Path is { } path ? ReadText(path) : null;
    }

    /// <summary>Raised after each reload attempt: true when the new file was applied.</summary>
    public event EventHandler<bool>? Reloaded;

    /// <summary>The configuration in force.</summary>
    public DaemonConfig Current => Volatile.Read(ref _current);

    /// <summary>Reads the file again and applies it if valid; returns whether it was applied.</summary>
    public bool ReloadNow()
    {
        bool applied;
        lock (_gate)
        {
            _seen = _file.Path is { } path ? ReadText(path) : null;
            applied = TryReload();
        }

        Reloaded?.Invoke(this, applied);
        return applied;
    }

    /// <summary>
    /// Watches the file: after an event (and a short quiet time, so a save in several writes is read whole) or every
    /// poll interval, compares the file with what was last read, and reloads only when it differs. While the watcher
    /// reports events the periodic comparison is only a slow safety net, so an idle daemon does not wake for it.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_file.Path is not { } path)
        {
            return;
        }

        using var watcher = new ConfigFileWatcher(path, _watch.Events, _logger);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var poll = watcher.Watching ? _watch.WatchedPollInterval : _watch.PollInterval;
                var evented = await watcher.WaitAsync(poll, _watch.Clock, stoppingToken).ConfigureAwait(false);
                if (!evented && !Changed(path))
                {
                    continue;
                }

                await Task.Delay(_watch.Debounce, _watch.Clock, stoppingToken).ConfigureAwait(false);
                ReloadIfChanged(path);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    private bool Changed(string path)
    {
        var text = ReadText(path);
        lock (_gate)
        {
            return text is not null && !string.Equals(text, _seen, StringComparison.Ordinal);
        }
    }

    private void ReloadIfChanged(string path)
    {
        bool applied;
        lock (_gate)
        {
            var text = ReadText(path);

            // Missing for a moment while an editor renames its copy into place, or empty between the truncation and
            // the write of a save in place (a slow write can outlast the quiet time): the next event or check reads
            // it. An empty file is never a configuration, so nothing is lost by not reporting it.
            if (string.IsNullOrEmpty(text) || string.Equals(text, _seen, StringComparison.Ordinal))
            {
                return;
            }

            _seen = text;
            applied = TryReload();
        }

        Reloaded?.Invoke(this, applied);
    }

    private static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private bool TryReload()
    {
        var errors = new ConfigErrors();
        DaemonConfig? next = null;
        try
        {
            var (configuration, lines) = _file.Load(_switches.Args);
            errors = new ConfigErrors(lines);
            next = _checker.Check(configuration, lines, errors);
            if (next is not null)
            {
                return Apply(next, configuration);
            }
        }
        catch (InvalidConfigException ex)
        {
            foreach (var error in ex.Errors)
            {
                errors.Add(error.Path, error.Message);
            }
        }
        catch (IOException ex)
        {
            errors.Add(_file.DisplayName, $"cannot be read: {ex.Message}");
        }

        var text = errors.ToString();
        if (text != _lastError)
        {
            _lastError = text;
            Log.ConfigReloadInvalid(_logger, _file.DisplayName, text);
        }

        return false;
    }

    private bool Apply(DaemonConfig next, IConfiguration configuration)
    {
        _lastError = null;
        var current = Current;
        var restart = new List<string>();
        if (!Same(current.Source.Section, configuration.GetSection("source")))
        {
            restart.Add("the source");
        }

        if (!current.Outputs.Select(o => Flatten(o.Section.Section)).SequenceEqual(next.Outputs.Select(o => Flatten(o.Section.Section))))
        {
            restart.Add("the outputs");
        }

        if (!current.Lights.Select(l => l.Name).SequenceEqual(next.Lights.Select(l => l.Name), StringComparer.Ordinal))
        {
            restart.Add("the names of the lights");
        }

        if (current.Analysis.Width != next.Analysis.Width || current.Analysis.Height != next.Analysis.Height)
        {
            restart.Add("the analysis size");
        }

        if (next.Smoothing.Intensity != current.Smoothing.Intensity)
        {
            _control.Intensity = next.Smoothing.Intensity;
        }

        var lights = restart.Contains("the names of the lights") ? _pipeline.Pipeline!.Settings.Lights : next.Lights;
        var analysis = restart.Contains("the analysis size") ? current.Analysis : next.Analysis;
        _pipeline.Pipeline?.Update(new PipelineSettings(lights, analysis, next.Smoothing, next.Calibration, next.Signal));
        Volatile.Write(ref _current, next);
        if (restart.Count > 0)
        {
            Log.ConfigNeedsRestart(_logger, _file.DisplayName, string.Join(", ", restart));
        }

        Log.ConfigReloaded(_logger, _file.DisplayName);
        return true;
    }

    private static bool Same(IConfigurationSection a, IConfigurationSection b) => Flatten(a) == Flatten(b);

    private static string Flatten(IConfigurationSection section) =>
        string.Join('\n', section.AsEnumerable(makePathsRelative: true).OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(p => $"{p.Key}={p.Value}"));
}
