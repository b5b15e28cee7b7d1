using DominantColors.Colors;
using DominantColors.Leds.E131;

namespace DominantColors.Leds.Tests.E131;

public sealed class E131PacketWriterTests
{
    private static readonly byte[] Cid = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

    [Fact]
    public void Write_TwoLeds_MatchesTheE131LayoutByteForByte()
    {
        var writer = new E131PacketWriter(2, 7, 100, "tv", Cid);

        writer.Write([new Rgb24(1, 2, 3), new Rgb24(4, 5, 6)]);

        // ANSI E1.31-2018 tables 4-1 to 7-1, for 6 slots: 126 header bytes and the data.
        var expected = new List<byte> { 0x00, 0x10, 0x00, 0x00 };
        expected.AddRange("ASC-E1.17\0\0\0"u8.ToArray());
        expected.AddRange([0x70, 132 - 16, 0, 0, 0, 4]);
        expected.AddRange(Cid);
        expected.AddRange([0x70, 132 - 38, 0, 0, 0, 2]);
        expected.AddRange([(byte)'t', (byte)'v']);
        expected.AddRange(new byte[62]);
        expected.AddRange([100, 0, 0, 0, 0, 0, 7]);
        expected.AddRange([0x70, 132 - 115, 0x02, 0xa1, 0, 0, 0, 1, 0, 7, 0]);
        expected.AddRange([1, 2, 3, 4, 5, 6]);
        Assert.Equal(expected, writer.Packet(0).ToArray());
    }

    [Fact]
    public void Write_FourHundredLeds_SpansThreeUniversesOf170()
    {
        var writer = new E131PacketWriter(400, 10, 100, "tv", Cid);
        var leds = Enumerable.Range(0, 400).Select(i => new Rgb24((byte)i, (byte)(i >> 8), 0)).ToArray();

        writer.Write(leds);

        Assert.Equal(3, writer.UniverseCount);
        Assert.Equal([126 + 510, 126 + 510, 126 + 180], Enumerable.Range(0, 3).Select(i => writer.Packet(i).Length));
        Assert.Equal([10, 11, 12], Enumerable.Range(0, 3).Select(i => (writer.Packet(i).Span[113] << 8) | writer.Packet(i).Span[114]));

        // LED 170 opens the second universe, LED 340 the third.
        Assert.Equal([170, 0, 0], writer.Packet(1).Span.Slice(126, 3).ToArray());
        Assert.Equal([340 & 0xFF, 1, 0], writer.Packet(2).Span.Slice(126, 3).ToArray());
    }

    [Fact]
    public void Write_EachFrame_AdvancesEveryUniversesSequenceAndWrapsAt255()
    {
        var writer = new E131PacketWriter(200, 1, 100, "tv", Cid);
        var leds = new Rgb24[200];

        for (var frame = 0; frame < 257; frame++)
        {
            writer.Write(leds);
            Assert.Equal((byte)frame, writer.Packet(0).Span[111]);
            Assert.Equal((byte)frame, writer.Packet(1).Span[111]);
        }
    }

    [Fact]
    public void Terminate_AfterAFrame_SetsTheStreamTerminatedBitWithTheNextSequence()
    {
        var writer = new E131PacketWriter(3, 1, 100, "tv", Cid);
        writer.Write(new Rgb24[3]);

        writer.Terminate();

        Assert.Equal(E131PacketWriter.StreamTerminated, writer.Packet(0).Span[112]);
        Assert.Equal(1, writer.Packet(0).Span[111]);
    }

    [Fact]
    public void MulticastAddress_Universe258_Is239_255_1_2()
    {
        Assert.Equal([239, 255, 1, 2], E131PacketWriter.MulticastAddress(258));
    }

    [Fact]
    public void Write_AfterWarmUp_AllocatesNothing()
    {
        var writer = new E131PacketWriter(300, 1, 100, "tv", Cid);
        var leds = new Rgb24[300];
        writer.Write(leds);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            writer.Write(leds);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Derive_SameNameAndHost_GivesTheSameVersion8Uuid()
    {
        var first = E131Cid.Derive("e1310", "10.0.0.5");

        Assert.Equal(first, E131Cid.Derive("e1310", "10.0.0.5"));
        Assert.NotEqual(first, E131Cid.Derive("e1311", "10.0.0.5"));
        Assert.Equal(0x80, first[6] & 0xF0);
        Assert.Equal(0x80, first[8] & 0xC0);
    }
}
