using System.Threading.Channels;
using DominantColors.Configuration;
using DominantColors.Control;
using DominantColors.Frames;
using DominantColors.Hosting;
using DominantColors.Outputs;
using DominantColors.Sources;
using DominantColors.Systemd;
using DominantColors.Web.Preview;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace DominantColors.Pipeline;

/// <summary>
/// The daemon's work: source loop -> latest-wins channel -> analysis loop (<see cref="LightPipeline"/>) -> one
/// <see cref="LightFeed"/> per sink -> each sink's own loop. <see cref="StartAsync"/> starts the sinks (they connect
/// while the source starts) and the source, and waits for its first frame, so systemd hears READY=1 only once frames
/// flow. The channel runs the analysis loop on the thread that writes the frame (one thread hop less per frame; the
/// source keeps its own latest-wins slot), and a one-shot timer writes a tick only when <see cref="LightPipeline.NextStepDue"/>
/// asks for one, so nothing wakes while the picture stands still or the lights are off.
/// </summary>
internal sealed partial class PipelineService : BackgroundService
{
    private static readonly TimeSpan FirstFrameTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The wait before a source that threw is built again; it doubles up to <see cref="ReconnectBackoff.DefaultMax"/>.</summary>
    private static readonly TimeSpan FirstRestart = TimeSpan.FromSeconds(1);

    private readonly DaemonConfig _config;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly AmbientSettings _control;
    private readonly PipelineMetrics _metrics;
    private readonly DaemonExit _exit;
    private readonly string _stateDirectory;
    private readonly ISystemdNotifier? _notifier;
    private readonly PreviewExchange? _preview;
    private readonly OutputStates? _outputStates;
    private readonly Channel<Frame?> _frames;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<SinkRoute> _routes = [];
    private readonly List<Task> _loops = [];
    private IFrameSource? _source;
    private LightPipeline? _pipeline;
    private DeadlineTimer? _tick;

    public PipelineService(
        DaemonConfig config, ILoggerFactory loggerFactory, TimeProvider timeProvider,
        AmbientSettings control, PipelineMetrics metrics, DaemonExit exit, StateDirectory stateDirectory,
        ISystemdNotifier? notifier = null, PreviewExchange? preview = null, OutputStates? outputStates = null)
    {
        _config = config;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<PipelineService>();
        _time = timeProvider;
        _control = control;
        _metrics = metrics;
        _exit = exit;
        _stateDirectory = stateDirectory.Path;
        _notifier = notifier;
        _preview = preview;
        _outputStates = outputStates;
        _frames = Channel.CreateBounded<Frame?>(
            new BoundedChannelOptions(2) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, AllowSynchronousContinuations = true },
            dropped =>
            {
                if (dropped is not null)
                {
                    dropped.Dispose();
                    _metrics.RecordDropped();
                }
            });
    }

    /// <summary>Raised on the analysis loop after each step (a frame or a tick) reached the feeds; for tests and status.</summary>
    public event EventHandler? StepCompleted;

    /// <summary>The analysis stage, once started (live reload hands it new settings).</summary>
    public LightPipeline? Pipeline => _pipeline;

    /// <summary>The sinks and their feeds, once started.</summary>
    public IReadOnlyList<SinkRoute> Routes => _routes;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _control.Intensity = _config.Smoothing.Intensity;
        _source = CreateSource();
        CreateSinks();
        _pipeline = new LightPipeline(PipelineSettings.From(_config), _routes, _control, _metrics, _time)
        {
            Preview = _preview,
            SettingsChanged = OnTick,
            SourceHoldsLastFrame = _source.HoldsLastFrame,
        };
        _control.Changed += OnControlChanged;

        // Outputs connect (and read what they restore later) while the source starts: the first frame then finds
        // them ready instead of waiting for their connection.
        var stopping = _stopping.Token;
        foreach (var route in _routes)
        {
            _outputStates?.Add(route.Sink.Name, route.Sink.Status);
            _loops.Add(Task.Run(() => SinkRunner.RunAsync(route, _logger, _time, stopping), CancellationToken.None));
        }

        try
        {
            await _source.StartAsync(cancellationToken).ConfigureAwait(false);
            Log.SourceStarted(_logger, _source.Name);
            await ReadFirstFrameAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(_loops).ConfigureAwait(false);
            throw;
        }

        _tick = new DeadlineTimer(_time, static state => ((PipelineService)state!).OnTick(), this);
        _loops.Add(Task.Run(() => SourceLoopAsync(stopping), CancellationToken.None));
        _loops.Add(Task.Run(() => WatchdogLoopAsync(stopping), CancellationToken.None));
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The analysis loop: one frame (or tick) at a time through <see cref="LightPipeline.Process"/>.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pipeline = _pipeline!;
        var reader = _frames.Reader;
        var failing = false;
        try
        {
            // Per frame this loop allocates nothing: ValueTask waits on the channel, pooled frames, reused buffers.
            while (await reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (reader.TryRead(out var frame))
                {
                    try
                    {
                        var now = _time.GetTimestamp();
                        pipeline.Process(frame, now);
                        ScheduleTick(pipeline.NextStepDue(now), now);
                        failing = false;
                        StepCompleted?.Invoke(this, EventArgs.Empty);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        if (!failing)
                        {
                            failing = true;
                            Log.FrameFailed(_logger, ex);
                        }
                    }
                    finally
                    {
                        frame?.Dispose();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        catch (Exception ex)
        {
            Log.PipelineFatal(_logger, ex);
            _exit.Fail(1);
            throw;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _control.Changed -= OnControlChanged;
        _tick?.Dispose();
        _frames.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(_loops).WaitAsync(cancellationToken).ConfigureAwait(false);
        while (_frames.Reader.TryRead(out var frame))
        {
            frame?.Dispose();
        }

        foreach (var route in _routes)
        {
            try
            {
                await route.Sink.RestoreAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.SinkRestoreFailed(_logger, route.Sink.Name, ex);
            }
        }
    }
}
