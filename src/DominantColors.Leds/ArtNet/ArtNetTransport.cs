using System.Net;
using System.Net.Sockets;
using DominantColors.Colors;
using DominantColors.Leds.Streaming;

namespace DominantColors.Leds.ArtNet;

/// <summary>
/// Sends ArtDmx packets over UDP to one node. Art-Net has no way to release a universe, so on stop the strip is sent
/// dark once; a node would otherwise hold the last frame forever.
/// </summary>
public sealed class ArtNetTransport : ILedTransport
{
    private readonly ArtNetOptions _options;
    private readonly ArtNetPacketWriter _writer;
    private readonly Rgb24[] _dark;
    private SocketAddress? _destination;
    private Socket? _socket;

    public ArtNetTransport(ArtNetOptions options, int ledCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _writer = new ArtNetPacketWriter(ledCount, options.Universe);
        _dark = new Rgb24[ledCount];
        Target = $"{options.Host}:{options.Port} (universes {options.Universe}-{options.Universe + _writer.UniverseCount - 1})";
    }

    public string Target { get; }

    public string StopAction => "left dark";

    public async ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        var address = IPAddress.TryParse(_options.Host, out var literal)
            ? literal
            : (await Dns.GetHostAddressesAsync(_options.Host, cancellationToken).ConfigureAwait(false))[0];
        _destination = new IPEndPoint(address, _options.Port).Serialize();
        _socket?.Dispose();
        _socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { EnableBroadcast = true };
    }

    public async ValueTask SendAsync(ReadOnlyMemory<Rgb24> leds, CancellationToken cancellationToken)
    {
        var socket = _socket ?? throw new InvalidOperationException("The Art-Net socket is not open.");
        _writer.Write(leds.Span);
        for (var i = 0; i < _writer.UniverseCount; i++)
        {
            await socket.SendToAsync(_writer.Packet(i), SocketFlags.None, _destination!, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask StopAsync(CancellationToken cancellationToken) => SendAsync(_dark, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _socket?.Dispose();
        return ValueTask.CompletedTask;
    }
}
