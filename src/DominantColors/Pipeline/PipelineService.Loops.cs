using DominantColors.Frames;
using DominantColors.Outputs;
using DominantColors.Sources;
using Microsoft.Extensions.Hosting.Systemd;

namespace DominantColors.Pipeline;

/// <summary>Building the source and sinks, and the loops around the analysis loop.</summary>
internal sealed partial class PipelineService : IAsyncDisposable
{
    private IFrameSource CreateSource() => _config.SourceFactory.Create(_config.Source, new SourceContext
    {
        FrameWidth = _config.Analysis.Width,
        FrameHeight = _config.Analysis.Height,
        LoggerFactory = _loggerFactory,
        TimeProvider = _time,
        StateDirectory = _stateDirectory,
    });

    private void CreateSinks()
    {
        var names = _config.Lights.Select((light, index) => (light.Name, index)).ToDictionary(p => p.Name, p => p.index, StringComparer.Ordinal);
        foreach (var output in _config.Outputs)
        {
            var sinks = output.Factory.Create(output.Section, new SinkContext
            {
                Plan = output.Plan,
                LoggerFactory = _loggerFactory,
                TimeProvider = _time,
                StateDirectory = _stateDirectory,
                    });
            foreach (var sink in sinks)
            {
                var indexes = sink.Lights.Select(name => names.TryGetValue(name, out var i)
                    ? i
                    : throw new InvalidOperationException($"Sink {sink.Name} drives light '{name}', which {output.Section.Section.Path} does not plan for.")).ToArray();
                _routes.Add(new SinkRoute(sink, new LightFeed(sink.Lights, sink.SendsInline), indexes));
            }
        }
    }

    private async Task ReadFirstFrameAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(FirstFrameTimeout, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            if (await _source!.ReadFrameAsync(timeout.Token).ConfigureAwait(false) is { } frame)
            {
                Write(frame);
                Log.FirstFrame(_logger, _source.Name, _config.Lights.Count, _routes.Count);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.NoFirstFrame(_logger, _source!.Name, FirstFrameTimeout.TotalSeconds);
        }
    }

    private void Write(Frame frame)
    {
        if (!_frames.Writer.TryWrite(frame))
        {
            frame.Dispose();
        }
    }

    /// <summary>
    /// Reads frames into the channel. The source mends its own device faults (ffmpeg restarts, V4L2 reopens); a source
    /// that throws anyway is isolated here: logged once per episode, then disposed and built again after a backoff.
    /// </summary>
    private async Task SourceLoopAsync(CancellationToken cancellationToken)
    {
        var backoff = new ReconnectBackoff(FirstRestart, ReconnectBackoff.DefaultMax, _time)
        {
            FirstFailure = f => Log.SourceFailed(_logger, _source!.Name, f.Delay.TotalSeconds, f.Error!),
        };
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var frame = await _source!.ReadFrameAsync(cancellationToken).ConfigureAwait(false);
                if (frame is null)
                {
                    var signal = _pipeline!.Settings.Signal;
                    Log.SourceEnded(_logger, _source.Name, signal.OffAfterSeconds, signal.FadeSeconds);
                    return;
                }

                Write(frame);
                backoff.Succeed();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (!await RebuildSourceAsync(backoff.Fail(ex), cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
    }

    /// <summary>Waits <paramref name="delay"/>, then replaces the source with a new one; false when stopping.</summary>
    private async Task<bool> RebuildSourceAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            await _source!.DisposeAsync().ConfigureAwait(false);
            _source = CreateSource();
            _pipeline!.SourceHoldsLastFrame = _source.HoldsLastFrame;
            await _source.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception restartFailure) when (restartFailure is not OperationCanceledException)
        {
            // Logged with the episode; the next read fails again and backs off further.
        }

        return true;
    }

    /// <summary>
    /// Wants the next step without a frame at <paramref name="due"/> (TimeProvider ticks; <see cref="long.MaxValue"/>:
    /// none); called by the analysis loop after each step. While frames flow, each pushes the due time back, so the
    /// timer fires only when they stop (<see cref="DeadlineTimer"/>); a step that wants none leaves it quiet.
    /// </summary>
    private void ScheduleTick(long due, long now) => _tick?.Set(due, now);

    /// <summary>Runs a step now without a frame, as the timer would (tests step the loop on fake time with it).</summary>
    internal void RequestStep() => OnTick();

    /// <summary>Brightness, on/off or intensity changed (web page, Home Assistant): apply it now, not at the next frame.</summary>
    private void OnControlChanged(object? sender, EventArgs e) => OnTick();

    /// <summary>The timer's callback: wakes the analysis loop without a frame, so fades and smoothing move on.</summary>
    private void OnTick()
    {
        if (_frames.Reader.Count == 0)
        {
            _frames.Writer.TryWrite(null);
        }
    }

    /// <summary>
    /// Under systemd with <c>WatchdogSec=</c>, sends WATCHDOG=1 at a third of the interval, and only when frames went
    /// through the pipeline since the last ping: a stuck source or analysis loop lets systemd restart the service.
    /// A source that holds its last frame (a still picture) sends none while nothing changes: then the analysis loop
    /// is asked for a step at each ping and must have taken the one asked for at the last.
    /// </summary>
    private async Task WatchdogLoopAsync(CancellationToken cancellationToken)
    {
        var notifier = _notifier;
        var usec = Environment.GetEnvironmentVariable("WATCHDOG_USEC");
        if (notifier is not { IsEnabled: true } || !long.TryParse(usec, System.Globalization.CultureInfo.InvariantCulture, out var microseconds) || microseconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMicroseconds(microseconds / 3.0), _time);
        var seen = -1L;
        var asked = long.MaxValue;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var frames = _metrics.Frames;
                var held = _pipeline!.SourceHoldsLastFrame;
                if ((frames > seen && frames > 0) || (held && frames > 0 && _pipeline.LastStepAt >= asked))
                {
                    seen = frames;
                    notifier.Notify(new ServiceState("WATCHDOG=1"));
                    Log.WatchdogPing(_logger, frames);
                }

                asked = long.MaxValue;
                if (held)
                {
                    asked = _time.GetTimestamp();
                    OnTick();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutdown.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _control.Changed -= OnControlChanged;
        _tick?.Dispose();
        foreach (var route in _routes)
        {
            route.Feed.Dispose();
            await route.Sink.DisposeAsync().ConfigureAwait(false);
        }

        _routes.Clear();
        if (_source is not null)
        {
            await _source.DisposeAsync().ConfigureAwait(false);
            _source = null;
        }

        _stopping.Dispose();
        base.Dispose();
    }
}
