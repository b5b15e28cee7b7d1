using System.Diagnostics;
using DominantColors.Colors;
using DominantColors.Signal;

namespace DominantColors.Pipeline;

/// <summary>What leaves <see cref="LightPipeline"/> and when: colors that changed, and the next tick that is needed.</summary>
internal sealed partial class LightPipeline
{
    /// <summary>
    /// When the next step is needed if no frame comes (TimeProvider ticks; <see cref="long.MaxValue"/>: only a frame
    /// changes anything). While frames come faster than the tick interval they move everything on, so the tick waits
    /// for them to stop (<see cref="FlowGrace"/>; the black stretch they leave is dated back to one tick interval after
    /// the last frame, so the TV-off timing holds); otherwise one tick interval on while colors move or fade, or the
    /// TV-off wait after the last frame while the picture stands still, unless the source holds its last frame
    /// (<see cref="SourceHoldsLastFrame"/>): then a still picture needs no step at all.
    /// </summary>
    public long NextStepDue(long now)
    {
        if (_lastFrameAt != long.MinValue && _frameGap <= _tickTicks && now - _lastFrameAt < _tickTicks)
        {
            return _lastFrameAt + Math.Min(_flowGraceTicks, _tickTicks + _signalTimeoutTicks);
        }

        if (_signal.State is SignalState.Waiting or SignalState.FadingOut || now < _movingUntil)
        {
            return now + _tickTicks;
        }

        if (_signal.State == SignalState.Picture && _lastFrameAt != long.MinValue && !SourceHoldsLastFrame)
        {
            return _lastFrameAt + _tickTicks + _signalTimeoutTicks;
        }

        return long.MaxValue;
    }

    private void Publish(Rgb24[] colors, long now)
    {
        if (_colors.Length > 0)
        {
            _metrics.RecordFirstLight(_colors[0]);
        }

        if (_everPublished && colors.AsSpan().SequenceEqual(_published))
        {
            // Nothing changed: the sinks keep what they have (each resends at its own protocol's keep-alive).
            return;
        }

        _everPublished = true;
        colors.CopyTo(_published, 0);
        var start = Stopwatch.GetTimestamp();
        foreach (var route in _routes)
        {
            var scratch = _scratch.AsSpan(0, route.LightIndexes.Length);
            for (var i = 0; i < scratch.Length; i++)
            {
                scratch[i] = colors[route.LightIndexes[i]];
            }

            route.Feed.Publish(scratch, now);
        }

        _metrics.RecordStage(PipelineMetrics.PublishStage, start);
    }
}
