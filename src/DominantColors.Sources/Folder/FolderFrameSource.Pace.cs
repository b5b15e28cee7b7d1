using DominantColors.Outputs;

namespace DominantColors.Sources.Folder;

/// <summary>
/// How long the reader sleeps: one debounce step while a file is settling or a change is queued, otherwise until the
/// next hold (while a new picture settles), slideshow step or rescan is due, so a still picture wakes the source for
/// rescans only.
/// A watcher event cuts a long sleep short.
/// </summary>
public sealed partial class FolderFrameSource
{
    private TimeSpan _period;
    private bool _sleeping;

    /// <summary>Sets the timer's period for the next wait (under the queue's lock, so no event slips in between).</summary>
    private void Pace(PeriodicTimer timer, long now)
    {
        lock (_changedGate)
        {
            // While files settle the timer keeps its debounce cadence; otherwise it is armed afresh for what is due.
            var settling = _changed.Count > 0 || _candidates.Count > 0;
            _sleeping = !settling;
            if (!settling || _period != _tick)
            {
                _period = settling ? _tick : UntilDue(now);
                timer.Period = _period;
            }
        }
    }

    /// <summary>Time until the next rescan, hold or slideshow step, rounded up to whole milliseconds; at least one debounce step.</summary>
    private TimeSpan UntilDue(long now)
    {
        var due = _settings.Rescan - _time.GetElapsedTime(_lastScan, now);
        if (_hasImage)
        {
            var shown = _time.GetElapsedTime(_lastEmit, now);
            if (Settling(now))
            {
                due = Min(due, _settings.Hold - shown);
            }

            if (_settings.Slideshow > TimeSpan.Zero)
            {
                due = Min(due, _settings.Slideshow - shown);
            }
        }

        return due <= _tick ? _tick : TimeSpan.FromMilliseconds(Math.Ceiling(due.TotalMilliseconds)) + TimerSlack.For(_time);
    }

    /// <summary>A change was queued (under the queue's lock): a long sleep ends after one debounce step.</summary>
    private void Wake()
    {
        if (!_sleeping || _timer is not { } timer)
        {
            return;
        }

        _sleeping = false;
        _period = _tick;
        try
        {
            timer.Period = _tick;
        }
        catch (ObjectDisposedException)
        {
            // An event raced with disposal.
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
