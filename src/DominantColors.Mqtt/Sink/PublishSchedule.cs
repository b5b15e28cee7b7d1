using DominantColors.Colors;
using DominantColors.Mqtt.Colors;

namespace DominantColors.Mqtt.Sink;

/// <summary>
/// Decides, per light, when a color is worth a message: only on a visible change (an OKLab distance above the
/// dead-band, or going dark / lighting up), no faster than the topic's rate cap, and again after the keep-alive
/// even when nothing changed. Pure: time arrives as <see cref="TimeProvider"/> timestamps; nothing allocates.
/// </summary>
internal sealed class PublishSchedule
{
    private readonly Rgb24[] _sent;
    private readonly long[] _sentAt;
    private readonly bool[] _hasSent;
    private readonly long _minInterval;
    private readonly long _keepAlive;
    private readonly float _deadBand;

    /// <param name="lights">How many lights (topics) to schedule.</param>
    /// <param name="minInterval">The shortest gap between two messages on one topic.</param>
    /// <param name="keepAlive">The gap after which an unchanged color is sent again.</param>
    /// <param name="deadBand">The OKLab distance a change must exceed.</param>
    /// <param name="timestampFrequency">Ticks per second of the timestamps passed in.</param>
    public PublishSchedule(int lights, TimeSpan minInterval, TimeSpan keepAlive, float deadBand, long timestampFrequency)
    {
        _sent = new Rgb24[lights];
        _sentAt = new long[lights];
        _hasSent = new bool[lights];
        _minInterval = (long)(minInterval.TotalSeconds * timestampFrequency);
        _keepAlive = (long)(keepAlive.TotalSeconds * timestampFrequency);
        _deadBand = deadBand;
    }

    /// <summary>Forgets what was sent, so every light is sent at the next chance (after a reconnect).</summary>
    public void Reset() => Array.Clear(_hasSent);

    public bool IsVisibleChange(int light, Rgb24 color) =>
        !_hasSent[light]
        || (color == Rgb24.Black) != (_sent[light] == Rgb24.Black)
        || PerceivedColor.OkLabDistance(color, _sent[light]) > _deadBand;

    /// <summary>True when <paramref name="color"/> should be sent on <paramref name="light"/>'s topic now.</summary>
    public bool ShouldSend(int light, Rgb24 color, long now)
    {
        if (!_hasSent[light])
        {
            return true;
        }

        var elapsed = now - _sentAt[light];
        return elapsed >= _keepAlive || (elapsed >= _minInterval && IsVisibleChange(light, color));
    }

    public void MarkSent(int light, Rgb24 color, long now)
    {
        _sent[light] = color;
        _sentAt[light] = now;
        _hasSent[light] = true;
    }

    /// <summary>The earliest timestamp at which some light will want a message, given the current colors.</summary>
    public long NextDue(ReadOnlySpan<Rgb24> colors)
    {
        var next = long.MaxValue;
        for (var i = 0; i < colors.Length; i++)
        {
            var due = !_hasSent[i] ? 0
                : IsVisibleChange(i, colors[i]) ? _sentAt[i] + _minInterval
                : _sentAt[i] + _keepAlive;
            next = Math.Min(next, due);
        }

        return next;
    }
}
