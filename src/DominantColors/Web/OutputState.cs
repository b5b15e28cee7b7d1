using DominantColors.Outputs;

namespace DominantColors.Web;

/// <summary>
/// One output as the status page and the health check see it. The sink runner marks it connected while the sink
/// runs and disconnected, with the reason, when the sink fails; the rate is how many color updates its feed offered
/// per second, sampled once a second.
/// </summary>
internal sealed class OutputState(string name, LightFeed? feed)
{
    private volatile bool _connected;
    private volatile string? _lastError;
    private long _sampledVersion;
    private long _sampledAt;
    private double _rate;

    public string Name { get; } = name;

    public bool Connected
    {
        get => _connected;
        set => _connected = value;
    }

    /// <summary>The last failure's message; kept after recovery so the page can show what happened.</summary>
    public string? LastError
    {
        get => _lastError;
        set => _lastError = value;
    }

    /// <summary>Color updates per second offered to the output over the last sampling interval.</summary>
    public double Rate => Volatile.Read(ref _rate);

    /// <summary>Marks the output as failed with <paramref name="error"/>'s message.</summary>
    public void Failed(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        _lastError = error.Message;
        _connected = false;
    }

    internal void Sample(long now, long timestampFrequency)
    {
        if (feed is null)
        {
            return;
        }

        var version = feed.Version;
        if (_sampledAt != 0 && now > _sampledAt)
        {
            Volatile.Write(ref _rate, (version - _sampledVersion) * (double)timestampFrequency / (now - _sampledAt));
        }

        _sampledVersion = version;
        _sampledAt = now;
    }
}
