using DominantColors.Control;
using DominantColors.Mqtt.HomeAssistant;
using DominantColors.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DominantColors.HomeAssistant;

/// <summary>
/// Runs the Home Assistant bridge when <c>homeassistant: enabled</c>: commands from Home Assistant change
/// <see cref="AmbientSettings"/>, every change of it (from Home Assistant, the web page or a config reload) is reported
/// back as state, and every <c>reportInterval</c> the frame rate and the whole picture's dominant color are reported too.
/// The bridge reconnects with backoff on its own and reports its connection among the outputs (page, <c>/healthz</c>,
/// meters); nothing here can stop the daemon.
/// </summary>
internal sealed class HomeAssistantService : BackgroundService
{
    private readonly HomeAssistantSection _section;
    private readonly AmbientSettings _settings;
    private readonly PipelineMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeSpan _firstRetry;
    private readonly OutputStates? _outputs;
    private double _framesPerSecond;

    public HomeAssistantService(
        IOptions<HomeAssistantSection> options, AmbientSettings settings, PipelineMetrics metrics, TimeProvider timeProvider, ILoggerFactory loggerFactory,
        OutputStates outputs)
        : this(options, settings, metrics, timeProvider, loggerFactory, TimeSpan.FromSeconds(1), outputs)
    {
    }

    /// <summary>
    /// For tests: <paramref name="firstRetry"/> is the bridge's first reconnect delay; <paramref name="outputs"/>, when
    /// given, gets the bridge's connection as output <c>homeassistant</c>.
    /// </summary>
    internal HomeAssistantService(
        IOptions<HomeAssistantSection> options, AmbientSettings settings, PipelineMetrics metrics, TimeProvider timeProvider,
        ILoggerFactory loggerFactory, TimeSpan firstRetry, OutputStates? outputs = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _section = options.Value;
        _settings = settings;
        _metrics = metrics;
        _time = timeProvider;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<HomeAssistantService>();
        _firstRetry = firstRetry;
        _outputs = outputs;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_section.Enabled)
        {
            return;
        }

        await using var bridge = new HomeAssistantBridge(
            _section.Bridge, new AmbientSettingsControl(_settings), _time, _loggerFactory.CreateLogger<HomeAssistantBridge>(), _firstRetry);
        _outputs?.Add("homeassistant", bridge.Status);
        using var bridgeEnded = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        void OnChanged(object? sender, EventArgs e) => bridge.Report(Snapshot());
        _settings.Changed += OnChanged;
        bridge.Report(Snapshot());
        var reports = ReportPeriodicallyAsync(bridge, bridgeEnded.Token);
        try
        {
            await bridge.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown; the bridge has said goodbye.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Broker faults are retried inside the bridge; anything reaching here is unexpected, and still not a
            // reason to take the lights down with it.
            Log.HomeAssistantStopped(_logger, ex);
        }
        finally
        {
            _settings.Changed -= OnChanged;
            await bridgeEnded.CancelAsync().ConfigureAwait(false);
            await reports.ConfigureAwait(false);
        }
    }

    /// <summary>The controls and the latest readings, as Home Assistant shows them.</summary>
    internal AmbientState Snapshot() => new(
        _settings.Enabled,
        _settings.Brightness,
        AmbientSettingsControl.ToLevel(_settings.Intensity),
        _metrics.PictureDominant,
        Volatile.Read(ref _framesPerSecond));

    private async Task ReportPeriodicallyAsync(HomeAssistantBridge bridge, CancellationToken cancellationToken)
    {
        var lastFrames = _metrics.Frames;
        var lastAt = _time.GetTimestamp();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_section.ReportInterval), _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var frames = _metrics.Frames;
                var now = _time.GetTimestamp();
                var seconds = _time.GetElapsedTime(lastAt, now).TotalSeconds;
                Volatile.Write(ref _framesPerSecond, seconds > 0 ? (frames - lastFrames) / seconds : 0);
                (lastFrames, lastAt) = (frames, now);
                bridge.Report(Snapshot());
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping together with the bridge.
        }
    }
}
