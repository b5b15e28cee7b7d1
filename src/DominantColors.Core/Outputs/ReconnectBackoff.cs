namespace DominantColors.Outputs;

/// <summary>Exponential backoff with jitter: 1 s, 2 s, 4 s … up to 30 s, each ±20 %, so many clients do not retry in step.</summary>
public sealed class ReconnectBackoff
{
    private readonly TimeSpan _first;
    private readonly TimeSpan _max;
    private TimeSpan _next;

    public ReconnectBackoff(TimeSpan first, TimeSpan max)
    {
        _first = first;
        _max = max;
        _next = first;
    }

    /// <summary>True once at least one failure happened since the last <see cref="Reset"/>.</summary>
    public bool IsBackingOff => _next != _first;

    public TimeSpan Next()
    {
        var current = _next;
        _next = TimeSpan.FromTicks(Math.Min(_max.Ticks, _next.Ticks * 2));
#pragma warning disable CA5394 // Jitter, not security.
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
#pragma warning restore CA5394
        return TimeSpan.FromTicks((long)(current.Ticks * jitter));
    }

    public void Reset() => _next = _first;
}
