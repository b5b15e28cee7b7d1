using System.Buffers.Binary;
using System.Runtime.InteropServices;
using DominantColors.Colors;

namespace DominantColors.Wled;

/// <summary>
/// The WLED realtime packet formats, byte for byte. Each writer fills a caller's buffer and allocates nothing;
/// <see cref="Rgb24"/> is laid out as R, G, B bytes, so the LED data is a single copy.
/// </summary>
internal static class WledPackets
{
    public const int DrgbMaxLeds = 490;
    public const int DnrgbMaxLeds = 489;
    public const int DdpMaxLeds = 480;
    public const int DdpHeaderBytes = 10;
    public const int DefaultUdpPort = 21324;
    public const int DefaultDdpPort = 4048;

    private const byte Drgb = 2;
    private const byte Dnrgb = 4;
    private const byte DdpVersion1 = 0x40;
    private const byte DdpPush = 0x01;
    private const byte DdpRgb24 = 0x0B;
    private const byte DdpDefaultDisplay = 1;

    /// <summary>Largest packet any writer produces: a full DRGB packet (1472 bytes; DNRGB's is 1471, DDP's 1450).</summary>
    public const int MaxPacketBytes = 2 + (DrgbMaxLeds * 3);

    /// <summary><c>2, timeout, R,G,B…</c> from LED 0.</summary>
    public static int WriteDrgb(Span<byte> packet, ReadOnlySpan<Rgb24> leds, byte timeoutSeconds)
    {
        packet[0] = Drgb;
        packet[1] = timeoutSeconds;
        var data = MemoryMarshal.AsBytes(leds);
        data.CopyTo(packet[2..]);
        return 2 + data.Length;
    }

    /// <summary><c>4, timeout, start (u16 big-endian), R,G,B…</c>.</summary>
    public static int WriteDnrgb(Span<byte> packet, ReadOnlySpan<Rgb24> leds, int startIndex, byte timeoutSeconds)
    {
        packet[0] = Dnrgb;
        packet[1] = timeoutSeconds;
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], checked((ushort)startIndex));
        var data = MemoryMarshal.AsBytes(leds);
        data.CopyTo(packet[4..]);
        return 4 + data.Length;
    }

    /// <summary>A DRGB packet with timeout 0: WLED leaves realtime mode at once and ignores the data.</summary>
    public static int WriteExit(Span<byte> packet)
    {
        packet[0] = Drgb;
        packet[1] = 0;
        return 2;
    }

    /// <summary>
    /// DDP v1: flags (version 1, PUSH on a frame's last packet), sequence (1-15), RGB24, display 1, byte offset
    /// (u32 big-endian), data length (u16 big-endian), then the data.
    /// </summary>
    public static int WriteDdp(Span<byte> packet, ReadOnlySpan<Rgb24> leds, int firstLed, byte sequence, bool push)
    {
        var data = MemoryMarshal.AsBytes(leds);
        packet[0] = (byte)(DdpVersion1 | (push ? DdpPush : 0));
        packet[1] = (byte)(sequence & 0x0F);
        packet[2] = DdpRgb24;
        packet[3] = DdpDefaultDisplay;
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], checked((uint)(firstLed * 3)));
        BinaryPrimitives.WriteUInt16BigEndian(packet[8..], checked((ushort)data.Length));
        data.CopyTo(packet[DdpHeaderBytes..]);
        return DdpHeaderBytes + data.Length;
    }
}
