namespace DominantColors.Hue.Sinks;

/// <summary>
/// The light-command budget of one bridge, shared by every sink that talks to it: commands at least
/// <see cref="Interval"/> apart, at most <see cref="CommandsPerSecond"/> in any one-second window (a ring of the last
/// grants), and nothing at all while backing off after the bridge said it was busy. Callers are served one at a time, in order.
/// </summary>
public sealed class RestCommandBudget : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly TimeProvider _time;
    private readonly long[] _grants;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _next;
    private int _granted;
    private long _pausedUntil;

    public RestCommandBudget(TimeProvider time, int commandsPerSecond = 10)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(commandsPerSecond, 1);
        _time = time;
        CommandsPerSecond = commandsPerSecond;
        _grants = new long[commandsPerSecond];
    }

    public int CommandsPerSecond { get; }

    /// <summary>The spacing at which commands flow when every slot is used.</summary>
    public TimeSpan Interval => Window / CommandsPerSecond;

    /// <summary>Called with the wait once a wait for time to pass has begun (tests advance a fake clock on it).</summary>
    internal Action<TimeSpan>? Waiting { get; set; }

    /// <summary>Waits until one more command fits the budget and takes it.</summary>
    public async Task WaitForSlotAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var now = _time.GetTimestamp();
                var wait = TimeSpan.Zero;
                if (_granted > 0)
                {
                    // Evenly spaced: no bursts that the bridge would have to queue.
                    var last = _grants[(_next + _grants.Length - 1) % _grants.Length];
                    wait = Interval - _time.GetElapsedTime(last, now);
                }

                if (_granted == _grants.Length)
                {
                    // And the oldest of the last N grants a full window ago, whatever the spacing did.
                    var window = Window - _time.GetElapsedTime(_grants[_next], now);
                    wait = window > wait ? window : wait;
                }

                var pause = _time.GetElapsedTime(now, Volatile.Read(ref _pausedUntil));
                if (pause > wait)
                {
                    wait = pause;
                }

                if (wait <= TimeSpan.Zero)
                {
                    _grants[_next] = now;
                    _next = (_next + 1) % _grants.Length;
                    _granted = Math.Min(_granted + 1, _grants.Length);
                    return;
                }

                var delay = Task.Delay(wait, _time, cancellationToken);
                Waiting?.Invoke(wait);
                await delay.ConfigureAwait(false);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();

    /// <summary>Grants nothing for <paramref name="delay"/> (or longer, if already paused longer).</summary>
    public void BackOff(TimeSpan delay)
    {
        var until = _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency);
        long current;
        do
        {
            current = Volatile.Read(ref _pausedUntil);
            if (current >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _pausedUntil, until, current) != current);
    }
}
