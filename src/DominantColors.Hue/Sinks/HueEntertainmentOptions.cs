namespace DominantColors.Hue.Sinks;

/// <summary>How an entertainment sink streams.</summary>
public sealed record HueEntertainmentOptions
{
    /// <summary>The entertainment area, by name or id.</summary>
    public required string Area { get; init; }

    /// <summary>The bridge's DTLS port.</summary>
    public int StreamingPort { get; init; } = 2100;

    /// <summary>One frame per interval, whether colors changed or not (the bridge drops a silent stream after 10 s).</summary>
    public TimeSpan FrameInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Take the area over when another application streams to it.</summary>
    public bool TakeOver { get; init; }

    /// <summary>Put the lights back as they were when the daemon stops.</summary>
    public bool Restore { get; init; } = true;

    /// <summary>After this long of all-black colors (TV off), release the area until colors return.</summary>
    public TimeSpan PauseAfterBlack { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the area's status is read over REST while streaming, to notice a bridge that stopped it or gave it to
    /// another application without a DTLS alert (zero: never). One GET per interval, far inside the bridge's budget.
    /// </summary>
    public TimeSpan StatusInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// While another application streams to the area (and <see cref="TakeOver"/> is off), how often its owner is read
    /// to learn when it is free: one GET per interval, inside the bridge's command budget.
    /// </summary>
    public TimeSpan AreaPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Run the stream thread real-time (Linux SCHED_FIFO, when the process may: root or CAP_SYS_NICE) so a busy
    /// machine does not delay frames; the thread sleeps between frames, so it takes nothing from others.
    /// </summary>
    public bool RealtimeThread { get; init; } = true;

    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
