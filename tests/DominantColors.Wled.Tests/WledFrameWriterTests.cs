using DominantColors.Colors;
using DominantColors.Testing;

namespace DominantColors.Wled.Tests;

public sealed class WledFrameWriterTests
{
    [Fact]
    public void Write_DdpStripOf1000_SplitsAt480WithPushOnlyOnTheLast()
    {
        var writer = new WledFrameWriter(WledProtocol.Ddp, 1000, 2);
        var leds = Gradient(1000);

        writer.Write(leds);

        Assert.Equal(3, writer.PacketCount);
        var packets = Enumerable.Range(0, 3).Select(i => writer.Packet(i).ToArray()).ToArray();
        Assert.Equal([0x40, 0x40, 0x41], packets.Select(p => (int)p[0]));
        Assert.Equal([0, 1440, 2880], packets.Select(p => (p[4] << 24) | (p[5] << 16) | (p[6] << 8) | p[7]));
        Assert.Equal([1440, 1440, 120], packets.Select(p => (p[8] << 8) | p[9]));
        Assert.Single(packets.Select(p => p[1]).Distinct());
        Assert.Equal(Bytes(leds), packets.SelectMany(p => p[10..]).ToArray());
    }

    [Fact]
    public void Write_TwoFrames_AdvanceTheDdpSequence()
    {
        var writer = new WledFrameWriter(WledProtocol.Ddp, 10, 2);
        writer.Write(Gradient(10));
        var first = writer.Packet(0).Span[1];

        writer.Write(Gradient(10));

        Assert.Equal(first + 1, writer.Packet(0).Span[1]);
    }

    [Fact]
    public void Write_DnrgbStripOf1000_ChunksAt489WithStartIndices()
    {
        var writer = new WledFrameWriter(WledProtocol.Dnrgb, 1000, 3);
        var leds = Gradient(1000);

        writer.Write(leds);

        var packets = Enumerable.Range(0, writer.PacketCount).Select(i => writer.Packet(i).ToArray()).ToArray();
        Assert.Equal([0, 489, 978], packets.Select(p => (p[2] << 8) | p[3]));
        Assert.All(packets, p => Assert.Equal((4, 3), (p[0], p[1])));
        Assert.Equal(Bytes(leds), packets.SelectMany(p => p[4..]).ToArray());
    }

    [Fact]
    public void Constructor_DrgbPast490Leds_SpeaksDnrgb()
    {
        Assert.Equal(WledProtocol.Drgb, new WledFrameWriter(WledProtocol.Drgb, 490, 2).Protocol);
        Assert.Equal(WledProtocol.Dnrgb, new WledFrameWriter(WledProtocol.Drgb, 491, 2).Protocol);
    }

    [Fact]
    public void Write_DrgbStripOf490_FitsInOnePacket()
    {
        var writer = new WledFrameWriter(WledProtocol.Drgb, 490, 2);
        var leds = Gradient(490);

        writer.Write(leds);

        Assert.Equal(1, writer.PacketCount);
        var packet = writer.Packet(0).ToArray();
        Assert.Equal(2 + 1470, packet.Length);
        Assert.Equal(Bytes(leds), packet[2..]);
    }

    [Fact]
    public void Write_SteadyState_AllocatesNothing()
    {
        var writer = new WledFrameWriter(WledProtocol.Ddp, 1000, 2);
        var leds = Gradient(1000);

        Assert.Equal(0, SteadyStateAllocation.LeastPerRound(_ => writer.Write(leds)));
    }

    internal static Rgb24[] Gradient(int count) =>
        Enumerable.Range(0, count).Select(i => new Rgb24((byte)i, (byte)(i >> 8), (byte)(255 - (i & 0xFF)))).ToArray();

    internal static byte[] Bytes(Rgb24[] leds) => leds.SelectMany(c => new[] { c.R, c.G, c.B }).ToArray();
}
