namespace DominantColors.Outputs;

/// <summary>
/// What a sink reports about itself while it runs: whether it reaches its device, bridge or broker, the last fault,
/// whether it stands aside on purpose, and counts of faults, reconnects and color updates delivered. The sink's own
/// loop writes it (sinks reconnect by themselves, so only they know); the status page, the health check and the
/// metrics read it. Thread-safe; every report is a few interlocked writes and allocates nothing, so sinks may report
/// per frame.
/// </summary>
public sealed class SinkStatus
{
    private long _faults;
    private long _reconnects;
    private long _sent;
    private volatile string? _lastError;
    private volatile string? _waiting;
    private volatile bool _connected;
    private int _everConnected;

    /// <summary>
    /// Whether the sink reaches its target now: set by <see cref="ReportConnected"/>, cleared by <see cref="ReportFault"/>
    /// and <see cref="ReportWaiting"/>.
    /// </summary>
    public bool Connected => _connected;

    /// <summary>
    /// Why the sink stands aside on purpose although its target answers (another application owns the device), or
    /// null. Not a fault: set by <see cref="ReportWaiting"/>, cleared by <see cref="ReportConnected"/> and <see cref="ReportFault"/>.
    /// </summary>
    public string? Waiting => _waiting;

    /// <summary>The last fault's reason; kept after recovery so the page can show what happened.</summary>
    public string? LastError => _lastError;

    /// <summary>Faults so far: failed connects, lost connections, refused or failed sends.</summary>
    public long Faults => Interlocked.Read(ref _faults);

    /// <summary>Connections made again after the first one (each follows a fault).</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Color updates delivered to the device, bridge or broker so far.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>The sink reaches its target (again). Counts a reconnect when it had been connected before and lost it.</summary>
    public void ReportConnected()
    {
        _waiting = null;
        if (_connected)
        {
            return;
        }

        if (Interlocked.Exchange(ref _everConnected, 1) == 1)
        {
            Interlocked.Increment(ref _reconnects);
        }

        _connected = true;
    }

    /// <summary>The sink failed to connect, lost its target or had a send refused; it no longer counts as connected.</summary>
    public void ReportFault(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        _lastError = reason;
        _waiting = null;
        _connected = false;
        Interlocked.Increment(ref _faults);
    }

    /// <summary>
    /// The target answers, but the sink leaves it to someone else until it is free (<paramref name="reason"/> says
    /// who and why): not connected, and not a fault either.
    /// </summary>
    public void ReportWaiting(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        _waiting = reason;
        _connected = false;
    }

    /// <summary>The target is reachable but refused or deferred an update (busy, rate-limited): a fault, not a lost connection.</summary>
    public void ReportRefused(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        _lastError = reason;
        Interlocked.Increment(ref _faults);
    }

    /// <summary>One color update reached the target (one frame, message or command batch).</summary>
    public void ReportSent() => Interlocked.Increment(ref _sent);
}
