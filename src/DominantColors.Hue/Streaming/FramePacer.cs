namespace DominantColors.Hue.Streaming;

/// <summary>
/// Absolute deadlines for a steady frame rate: deadline n is start + n × interval on the clock's own timestamps, so
/// late wake-ups never add up to drift. After a stall longer than an interval the missed slots are skipped (counted,
/// not sent in a burst) and the next deadline stays on the same grid. Pure: time arrives as timestamps; allocates nothing.
/// </summary>
internal sealed class FramePacer
{
    private readonly long _interval;

    /// <param name="interval">Timestamp ticks between frames (above 0).</param>
    public FramePacer(long interval)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(interval);
        _interval = interval;
    }

    /// <summary>When the next frame is due.</summary>
    public long Next { get; private set; }

    /// <summary>Slots skipped because the loop was more than one interval late.</summary>
    public long Skipped { get; private set; }

    /// <summary>The first frame goes out at <paramref name="now"/>; the next is due one interval later.</summary>
    public void Start(long now)
    {
        Next = now + _interval;
        Skipped = 0;
    }

    /// <summary>
    /// Moves on after the frame due at <see cref="Next"/> was sent; <paramref name="now"/> is the time after sending.
    /// A frame whose slot is already over when the previous one is done is skipped rather than sent at once.
    /// </summary>
    public void Advance(long now)
    {
        var next = Next + _interval;
        if (now >= next)
        {
            var missed = (now - Next) / _interval;
            next = Next + ((missed + 1) * _interval);
            Skipped += missed;
        }

        Next = next;
    }
}
