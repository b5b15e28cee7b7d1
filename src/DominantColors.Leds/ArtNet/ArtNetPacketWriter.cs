using System.Buffers.Binary;
using System.Runtime.InteropServices;
using DominantColors.Colors;

namespace DominantColors.Leds.ArtNet;

/// <summary>
/// Art-Net 4 ArtDmx packets, byte for byte: "Art-Net\0", OpCode 0x5000 (little-endian), protocol version 14,
/// sequence (1-255, never 0, which would switch the receiver's reordering off), physical 0, the 15-bit port-address
/// (SubUni = subnet and universe, Net), the data length (big-endian, even) and the data. 170 RGB LEDs per
/// port-address; a longer strip spans consecutive ones. Buffers are allocated once; <see cref="Write"/> allocates nothing.
/// </summary>
internal sealed class ArtNetPacketWriter
{
    public const int LedsPerUniverse = 170;
    public const int DefaultPort = 6454;
    public const int HeaderBytes = 18;
    public const int MaxPortAddress = 32767;

    private static ReadOnlySpan<byte> Id => "Art-Net\0"u8;

    private readonly byte[][] _packets;
    private readonly int[] _lengths;
    private readonly int[] _dataBytes;
    private byte _sequence;

    /// <summary>Port-address <c>firstUniverse + i</c> (0-32767: net, subnet and universe as one number) carries LEDs <c>170 i</c> on.</summary>
    public ArtNetPacketWriter(int ledCount, int firstUniverse)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ledCount, 1);
        LedCount = ledCount;
        var count = (ledCount + LedsPerUniverse - 1) / LedsPerUniverse;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstUniverse + count - 1, MaxPortAddress, nameof(firstUniverse));
        _packets = new byte[count][];
        _lengths = new int[count];
        _dataBytes = new int[count];
        for (var i = 0; i < count; i++)
        {
            _dataBytes[i] = Math.Min(LedsPerUniverse, ledCount - (i * LedsPerUniverse)) * 3;

            // The length must be even (Art-Net 4, ArtDmx): an odd one is padded with a zero slot.
            var length = _dataBytes[i] + (_dataBytes[i] & 1);
            _lengths[i] = HeaderBytes + length;
            var packet = _packets[i] = new byte[_lengths[i]];
            Id.CopyTo(packet);
            BinaryPrimitives.WriteUInt16LittleEndian(packet.AsSpan(8), 0x5000);
            packet[11] = 14;
            var portAddress = firstUniverse + i;
            packet[14] = (byte)(portAddress & 0xFF);
            packet[15] = (byte)(portAddress >> 8);
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(16), (ushort)length);
        }
    }

    public int LedCount { get; }

    public int UniverseCount => _packets.Length;

    /// <summary>Fills every packet with <paramref name="leds"/> (exactly <see cref="LedCount"/>) and the frame's sequence number.</summary>
    public void Write(ReadOnlySpan<Rgb24> leds)
    {
        if (leds.Length != LedCount)
        {
            throw new ArgumentException($"Expected {LedCount} LED colors, got {leds.Length}.", nameof(leds));
        }

        _sequence = (byte)((_sequence % 255) + 1);
        var data = MemoryMarshal.AsBytes(leds);
        for (var i = 0; i < _packets.Length; i++)
        {
            _packets[i][12] = _sequence;
            data.Slice(i * LedsPerUniverse * 3, _dataBytes[i]).CopyTo(_packets[i].AsSpan(HeaderBytes));
        }
    }

    public ReadOnlyMemory<byte> Packet(int index) => _packets[index].AsMemory(0, _lengths[index]);
}
