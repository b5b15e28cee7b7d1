using System.Globalization;

namespace DominantColors.Extract;

/// <summary>
/// A one-line progress bar on stderr for long batches (done/total, inputs per second since the start, the last name), redrawn in place at most ten times a second. Messages for
/// failed inputs go through <see cref="WriteLine"/>, which clears the bar first so the two never share a line.
/// A disabled bar writes only the messages.
/// </summary>
internal sealed class ProgressBar
{
    private const int BarWidth = 30;
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter _error;
    private readonly TimeProvider _time;
    private readonly int _total;
    private readonly long _start;
    private long _lastDraw;
    private bool _drawn;

    public ProgressBar(TextWriter error, TimeProvider time, int total, bool enabled)
    {
        _error = error;
        _time = time;
        _total = total;
        _start = time.GetTimestamp();
        Enabled = enabled;
    }

    public bool Enabled { get; }

    public int Done { get; private set; }

    /// <summary>Counts one input as finished and redraws if the last drawing is old enough (or this was the last input).</summary>
    public void Advance(string file)
    {
        Done++;
        if (!Enabled)
        {
            return;
        }

        var now = _time.GetTimestamp();
        if (_drawn && Done < _total && _time.GetElapsedTime(_lastDraw, now) < RedrawInterval)
        {
            return;
        }

        _lastDraw = now;
        var filled = _total == 0 ? BarWidth : Done * BarWidth / _total;
        var name = Path.GetFileName(file);
        if (name.Length > 40)
        {
            name = string.Concat("…", name.AsSpan(name.Length - 39));
        }

        var seconds = _time.GetElapsedTime(_start, now).TotalSeconds;
        var rate = seconds > 0 ? Done / seconds : 0;
        _error.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"\r\e[2K[{new string('#', filled)}{new string('-', BarWidth - filled)}] {Done}/{_total} {rate:0.0}/s {name}"));
        _error.Flush();
        _drawn = true;
    }

    /// <summary>Writes a message on its own line, above the bar.</summary>
    public void WriteLine(string message)
    {
        Clear();
        _error.WriteLine(message);
    }

    /// <summary>Removes the bar, e.g. at the end of the batch.</summary>
    public void Clear()
    {
        if (_drawn)
        {
            _error.Write("\r\e[2K");
            _error.Flush();
            _drawn = false;
        }
    }
}
