using DominantColors.Colors;

namespace DominantColors.Leds.Streaming;

/// <summary>
/// The I/O seam of an LED output: a socket, a serial port or an SPI device, with the packet writer of its protocol.
/// <see cref="LedSink"/> calls it from one loop, never concurrently.
/// </summary>
public interface ILedTransport : IAsyncDisposable
{
    /// <summary>Where the LEDs are, for logs and the status page (e.g. <c>239.255.0.1:5568</c>, <c>/dev/ttyUSB0</c>).</summary>
    string Target { get; }

    /// <summary>What <see cref="StopAsync"/> leaves behind, for the log line (e.g. "released (stream terminated)").</summary>
    string StopAction { get; }

    /// <summary>Opens (or reopens after a fault) the socket, port or device.</summary>
    ValueTask OpenAsync(CancellationToken cancellationToken);

    /// <summary>Encodes and sends one frame; <paramref name="leds"/> holds every LED of the strip. Allocation-free once open.</summary>
    ValueTask SendAsync(ReadOnlyMemory<Rgb24> leds, CancellationToken cancellationToken);

    /// <summary>Leaves the device as the protocol asks when a sender stops (stream terminated, or LEDs dark).</summary>
    ValueTask StopAsync(CancellationToken cancellationToken);
}
