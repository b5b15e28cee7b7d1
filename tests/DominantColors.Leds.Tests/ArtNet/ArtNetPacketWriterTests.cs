using DominantColors.Colors;
using DominantColors.Leds.ArtNet;

namespace DominantColors.Leds.Tests.ArtNet;

public sealed class ArtNetPacketWriterTests
{
    [Fact]
    public void Write_OneLed_MatchesArtDmxByteForByteWithAnEvenLength()
    {
        // Port-address 0x1234: net 0x12, subnet 3, universe 4.
        var writer = new ArtNetPacketWriter(1, 0x1234);

        writer.Write([new Rgb24(10, 20, 30)]);

        // Art-Net 4, ArtDmx: id, OpCode 0x5000 low byte first, ProtVer 14, Sequence, Physical, SubUni, Net,
        // Length (big-endian, even: 3 slots padded to 4), data.
        byte[] expected = [.. "Art-Net\0"u8, 0x00, 0x50, 0, 14, 1, 0, 0x34, 0x12, 0, 4, 10, 20, 30, 0];
        Assert.Equal(expected, writer.Packet(0).ToArray());
    }

    [Fact]
    public void Write_EachFrame_CountsSequenceFrom1To255AndSkipsZero()
    {
        var writer = new ArtNetPacketWriter(1, 0);
        var sequences = new List<byte>();

        for (var i = 0; i < 256; i++)
        {
            writer.Write([default]);
            sequences.Add(writer.Packet(0).Span[12]);
        }

        Assert.Equal(Enumerable.Range(1, 255).Select(i => (byte)i).Append((byte)1), sequences);
    }

    [Fact]
    public void Write_TwoHundredLeds_UsesTheNextPortAddressForLed170()
    {
        var writer = new ArtNetPacketWriter(200, 15);

        writer.Write(Enumerable.Range(0, 200).Select(i => new Rgb24((byte)i, 0, 0)).ToArray());

        Assert.Equal(2, writer.UniverseCount);
        Assert.Equal(16, writer.Packet(1).Span[14]);
        Assert.Equal(90, writer.Packet(1).Span[17]);
        Assert.Equal(170, writer.Packet(1).Span[18]);
    }

    [Fact]
    public void Write_AfterWarmUp_AllocatesNothing()
    {
        var writer = new ArtNetPacketWriter(300, 0);
        var leds = new Rgb24[300];
        writer.Write(leds);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            writer.Write(leds);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
