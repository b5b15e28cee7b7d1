using DominantColors.Colors;

namespace DominantColors.Wled;

/// <summary>
/// Splits one strip frame into the packets its protocol needs, in buffers allocated once: DDP in 480-LED packets
/// with PUSH on the last and one sequence number per frame, DNRGB in 489-LED chunks, DRGB in one packet (or DNRGB
/// chunks past 490 LEDs, where DRGB cannot reach).
/// </summary>
internal sealed class WledFrameWriter
{
    private readonly WledProtocol _protocol;
    private readonly byte _timeout;
    private readonly byte[][] _packets;
    private readonly int[] _lengths;
    private byte _sequence;

    public WledFrameWriter(WledProtocol protocol, int ledCount, byte timeoutSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ledCount, 1);
        _protocol = protocol == WledProtocol.Drgb && ledCount > WledPackets.DrgbMaxLeds ? WledProtocol.Dnrgb : protocol;
        _timeout = timeoutSeconds;
        LedCount = ledCount;
        var perPacket = PerPacket(_protocol);
        var count = (ledCount + perPacket - 1) / perPacket;
        _packets = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            _packets[i] = new byte[WledPackets.MaxPacketBytes];
        }

        _lengths = new int[count];
    }

    public int LedCount { get; }

    /// <summary>The protocol actually spoken (DRGB becomes DNRGB for long strips).</summary>
    public WledProtocol Protocol => _protocol;

    public int PacketCount => _packets.Length;

    /// <summary>Writes the packets for <paramref name="leds"/> (exactly <see cref="LedCount"/> colors); allocates nothing.</summary>
    public void Write(ReadOnlySpan<Rgb24> leds)
    {
        if (leds.Length != LedCount)
        {
            throw new ArgumentException($"Expected {LedCount} LED colors, got {leds.Length}.", nameof(leds));
        }

        var perPacket = PerPacket(_protocol);
        _sequence = (byte)((_sequence % 15) + 1);
        for (var i = 0; i < _packets.Length; i++)
        {
            var start = i * perPacket;
            var chunk = leds.Slice(start, Math.Min(perPacket, leds.Length - start));
            _lengths[i] = _protocol switch
            {
                WledProtocol.Ddp => WledPackets.WriteDdp(_packets[i], chunk, start, _sequence, push: i == _packets.Length - 1),
                WledProtocol.Dnrgb => WledPackets.WriteDnrgb(_packets[i], chunk, start, _timeout),
                _ => WledPackets.WriteDrgb(_packets[i], chunk, _timeout),
            };
        }
    }

    public ReadOnlyMemory<byte> Packet(int index) => _packets[index].AsMemory(0, _lengths[index]);

    private static int PerPacket(WledProtocol protocol) => protocol switch
    {
        WledProtocol.Ddp => WledPackets.DdpMaxLeds,
        WledProtocol.Dnrgb => WledPackets.DnrgbMaxLeds,
        _ => WledPackets.DrgbMaxLeds,
    };
}
