using System.Net;
using System.Net.Sockets;
using DominantColors.Colors;
using DominantColors.Leds.Streaming;

namespace DominantColors.Leds.E131;

/// <summary>
/// Sends E1.31 packets over UDP: every universe to the one unicast host, or each to its own multicast group.
/// Destinations are resolved once per open into socket addresses, so a send allocates nothing.
/// </summary>
public sealed class E131Transport : ILedTransport
{
    private readonly E131Options _options;
    private readonly E131PacketWriter _writer;
    private readonly SocketAddress[] _destinations;
    private Socket? _socket;

    public E131Transport(E131Options options, int ledCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _writer = new E131PacketWriter(ledCount, options.Universe, (byte)options.Priority, options.SourceName, E131Cid.Derive(options.Name, options.Host));
        _destinations = new SocketAddress[_writer.UniverseCount];
        Target = options.Multicast
            ? $"multicast 239.255.x.x:{options.Port} (universes {options.Universe}-{options.Universe + _writer.UniverseCount - 1})"
            : $"{options.Host}:{options.Port} (universes {options.Universe}-{options.Universe + _writer.UniverseCount - 1})";
    }

    public string Target { get; }

    public string StopAction => "released (stream terminated)";

    public async ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        IPAddress? unicast = null;
        if (!_options.Multicast)
        {
            unicast = IPAddress.TryParse(_options.Host, out var literal)
                ? literal
                : (await Dns.GetHostAddressesAsync(_options.Host, cancellationToken).ConfigureAwait(false))[0];
        }

        for (var i = 0; i < _destinations.Length; i++)
        {
            var address = unicast ?? new IPAddress(E131PacketWriter.MulticastAddress(_options.Universe + i));
            _destinations[i] = new IPEndPoint(address, _options.Port).Serialize();
        }

        _socket?.Dispose();
        _socket = new Socket(unicast?.AddressFamily ?? AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    }

    public async ValueTask SendAsync(ReadOnlyMemory<Rgb24> leds, CancellationToken cancellationToken)
    {
        _writer.Write(leds.Span);
        await SendAllAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>E1.31 6.2.6: three packets with the stream-terminated bit, so receivers release the universes at once.</summary>
    public async ValueTask StopAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < 3; i++)
        {
            _writer.Terminate();
            await SendAllAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async ValueTask SendAllAsync(CancellationToken cancellationToken)
    {
        var socket = _socket ?? throw new InvalidOperationException("The E1.31 socket is not open.");
        for (var i = 0; i < _destinations.Length; i++)
        {
            await socket.SendToAsync(_writer.Packet(i), SocketFlags.None, _destinations[i], cancellationToken).ConfigureAwait(false);
        }
    }
}
