using System.IO.Ports;
using DominantColors.Colors;
using DominantColors.Leds.Streaming;

namespace DominantColors.Leds.Adalight;

/// <summary>
/// Writes Adalight frames to a serial port (8N1). An unplugged or missing port fails the open or the write with an
/// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>, and the sink reopens it with backoff.
/// On stop the strip is sent dark: the sketch holds the last frame until its own timeout.
/// </summary>
public sealed class AdalightTransport : ILedTransport
{
    private readonly AdalightOptions _options;
    private readonly AdalightFrameWriter _writer;
    private readonly Rgb24[] _dark;
    private SerialPort? _port;

    public AdalightTransport(AdalightOptions options, int ledCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _writer = new AdalightFrameWriter(ledCount);
        _dark = new Rgb24[ledCount];
        Target = $"{options.Device} at {options.Baud} baud";
    }

    public string Target { get; }

    public string StopAction => "left dark";

    public ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        Close();
        var port = new SerialPort(_options.Device, _options.Baud, Parity.None, 8, StopBits.One) { WriteTimeout = 2000 };
        try
        {
            port.Open();
        }
        catch
        {
            port.Dispose();
            throw;
        }

        _port = port;
        return ValueTask.CompletedTask;
    }

    public async ValueTask SendAsync(ReadOnlyMemory<Rgb24> leds, CancellationToken cancellationToken)
    {
        var port = _port ?? throw new InvalidOperationException("The serial port is not open.");
        _writer.Write(leds.Span);
        await port.BaseStream.WriteAsync(_writer.Frame, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask StopAsync(CancellationToken cancellationToken) => SendAsync(_dark, cancellationToken);

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    private void Close()
    {
        try
        {
            _port?.Dispose();
        }
        catch (IOException)
        {
            // Closing a port whose device is gone can fail; the handle is released either way.
        }

        _port = null;
    }
}
