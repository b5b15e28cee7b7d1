using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using DominantColors.Colors;

namespace DominantColors.Leds.E131;

/// <summary>
/// ANSI E1.31 (sACN) data packets, byte for byte: root layer (ACN identifier, CID), framing layer (source name,
/// priority, sequence, options, universe) and DMP layer (start code 0 and the slots). 170 RGB LEDs fill a universe's
/// 510 slots; a longer strip spans consecutive universes, each with its own sequence number. Buffers are allocated
/// once; <see cref="Write"/> allocates nothing.
/// </summary>
internal sealed class E131PacketWriter
{
    public const int LedsPerUniverse = 170;
    public const int DefaultPort = 5568;
    public const int HeaderBytes = 126;

    /// <summary>Framing-layer option bit 6: the source stops sending this universe (E1.31 6.2.6).</summary>
    public const byte StreamTerminated = 0x40;

    /// <summary>The source name field is 64 bytes and NUL-terminated.</summary>
    public const int MaxSourceNameBytes = 63;

    private static ReadOnlySpan<byte> AcnPacketIdentifier => "ASC-E1.17\0\0\0"u8;

    private readonly byte[][] _packets;
    private readonly int[] _lengths;
    private readonly byte[] _sequences;

    /// <summary>Universe <c>firstUniverse + i</c> (1-63999) carries LEDs <c>170 i</c> to <c>170 i + 169</c>.</summary>
    public E131PacketWriter(int ledCount, int firstUniverse, byte priority, string sourceName, ReadOnlySpan<byte> cid)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ledCount, 1);
        ArgumentOutOfRangeException.ThrowIfNotEqual(cid.Length, 16);
        LedCount = ledCount;
        FirstUniverse = firstUniverse;
        var count = (ledCount + LedsPerUniverse - 1) / LedsPerUniverse;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstUniverse + count - 1, 63999, nameof(firstUniverse));
        _packets = new byte[count][];
        _lengths = new int[count];
        _sequences = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var leds = Math.Min(LedsPerUniverse, ledCount - (i * LedsPerUniverse));
            _lengths[i] = HeaderBytes + (leds * 3);
            _packets[i] = new byte[_lengths[i]];
            WriteHeader(_packets[i], _lengths[i], firstUniverse + i, priority, sourceName, cid);
        }
    }

    public int LedCount { get; }

    public int FirstUniverse { get; }

    public int UniverseCount => _packets.Length;

    /// <summary>Fills every universe's packet with <paramref name="leds"/> (exactly <see cref="LedCount"/>) and its next sequence number.</summary>
    public void Write(ReadOnlySpan<Rgb24> leds)
    {
        if (leds.Length != LedCount)
        {
            throw new ArgumentException($"Expected {LedCount} LED colors, got {leds.Length}.", nameof(leds));
        }

        var data = MemoryMarshal.AsBytes(leds);
        for (var i = 0; i < _packets.Length; i++)
        {
            var packet = _packets[i];
            packet[111] = _sequences[i]++;
            packet[112] = 0;
            data.Slice(i * LedsPerUniverse * 3, _lengths[i] - HeaderBytes).CopyTo(packet.AsSpan(HeaderBytes));
        }
    }

    /// <summary>
    /// Marks every universe's packet stream-terminated with the next sequence number, keeping the last slots (receivers
    /// ignore them in such a packet). Send the result three times when stopping.
    /// </summary>
    public void Terminate()
    {
        for (var i = 0; i < _packets.Length; i++)
        {
            _packets[i][111] = _sequences[i]++;
            _packets[i][112] = StreamTerminated;
        }
    }

    /// <summary>The packet of the <paramref name="index"/>-th universe (universe <see cref="FirstUniverse"/> + index).</summary>
    public ReadOnlyMemory<byte> Packet(int index) => _packets[index].AsMemory(0, _lengths[index]);

    /// <summary>The multicast group of a universe: 239.255.high byte.low byte (E1.31 9.3.1).</summary>
    public static byte[] MulticastAddress(int universe) => [239, 255, (byte)(universe >> 8), (byte)universe];

    private static void WriteHeader(Span<byte> packet, int length, int universe, byte priority, string sourceName, ReadOnlySpan<byte> cid)
    {
        // Root layer: preamble size 16, postamble size 0, the ACN packet identifier, flags+length, VECTOR_ROOT_E131_DATA, CID.
        BinaryPrimitives.WriteUInt16BigEndian(packet, 0x0010);
        AcnPacketIdentifier.CopyTo(packet[4..]);
        BinaryPrimitives.WriteUInt16BigEndian(packet[16..], FlagsAndLength(length - 16));
        BinaryPrimitives.WriteUInt32BigEndian(packet[18..], 0x00000004);
        cid.CopyTo(packet[22..]);

        // Framing layer: flags+length, VECTOR_E131_DATA_PACKET, source name (64 bytes, NUL-terminated UTF-8), priority,
        // synchronization address 0 (none), sequence and options (per frame), universe.
        BinaryPrimitives.WriteUInt16BigEndian(packet[38..], FlagsAndLength(length - 38));
        BinaryPrimitives.WriteUInt32BigEndian(packet[40..], 0x00000002);
        Encoding.UTF8.GetBytes(sourceName, packet.Slice(44, MaxSourceNameBytes));
        packet[108] = priority;
        BinaryPrimitives.WriteUInt16BigEndian(packet[113..], checked((ushort)universe));

        // DMP layer: flags+length, VECTOR_DMP_SET_PROPERTY, address and data type 0xa1, first address 0, increment 1,
        // property value count (start code + slots), start code 0.
        BinaryPrimitives.WriteUInt16BigEndian(packet[115..], FlagsAndLength(length - 115));
        packet[117] = 0x02;
        packet[118] = 0xa1;
        BinaryPrimitives.WriteUInt16BigEndian(packet[121..], 0x0001);
        BinaryPrimitives.WriteUInt16BigEndian(packet[123..], checked((ushort)(length - 125)));
    }

    private static ushort FlagsAndLength(int length) => (ushort)(0x7000 | length);
}
