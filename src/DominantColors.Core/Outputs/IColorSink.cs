namespace DominantColors.Outputs;

/// <summary>
/// Where colors go: a console, a Hue bridge, an MQTT broker, a WLED controller. Each sink runs on its own loop at
/// its own pace, reading the latest colors from its <see cref="LightFeed"/>, and owns its connection and retries:
/// a fault inside a sink is handled, logged and retried there, and never reaches the pipeline or another sink.
/// </summary>
public interface IColorSink : IAsyncDisposable
{
    /// <summary>A short name for logs and the status page, e.g. <c>hue:living-room</c>.</summary>
    string Name { get; }

    /// <summary>The pipeline lights this sink drives, in the order of the colors its feed carries.</summary>
    IReadOnlyList<string> Lights { get; }

    /// <summary>
    /// Whether the sink reaches its target, its faults, reconnects and deliveries, as the sink itself reports them
    /// from its loop (it reconnects by itself, so nothing outside it knows). Read by the status page and metrics.
    /// </summary>
    SinkStatus Status { get; }

    /// <summary>
    /// Whether the sink's loop never blocks between one wait on its feed and the next (it sends a datagram and waits
    /// again): then the analysis loop runs that stretch itself, on its own thread, instead of waking a thread per
    /// frame for it. A sink that may wait on a connection, a broker or a bridge says false (the default) and keeps its
    /// loop on the thread pool, so it can never hold up the analysis.
    /// </summary>
    bool SendsInline => false;

    /// <summary>
    /// Reads the feed and sends colors until <paramref name="cancellationToken"/> is cancelled. Connects (and
    /// reconnects with backoff) by itself; returns only on cancellation. All-black colors mean the lights should go
    /// dark (the TV is off or ambient light is switched off).
    /// </summary>
    Task RunAsync(LightFeed feed, CancellationToken cancellationToken);

    /// <summary>Puts back the light state found before <see cref="RunAsync"/> began, where the protocol allows.</summary>
    Task RestoreAsync(CancellationToken cancellationToken);
}
