using System.Buffers.Binary;
using System.Runtime.InteropServices;
using DominantColors.Colors;
using DominantColors.Testing.Fuzzing;
using FsCheck;
using FsCheck.Fluent;

namespace DominantColors.Wled.Tests;

/// <summary>
/// Any strip length the config allows (1-65535 LEDs), any colors, any protocol: the packets keep WLED's limits and
/// headers, and together carry exactly the frame's bytes in order.
/// </summary>
public sealed class WledFrameWriterFuzzTests
{
    [Fact]
    public void Write_AnyStrip_PacketsHoldTheirHeadersAndTheWholeFrame()
    {
        var ledCounts = Gen.Frequency(
            (8, Gen.Choose(1, 1500)),
            (2, Gen.Elements(1, 2, 480, 481, 489, 490, 491, 960, 978, 979, 65534, 65535)),
            (1, Gen.Choose(1, 65535)));
        var cases = (from protocol in Gen.Elements(WledProtocol.Ddp, WledProtocol.Drgb, WledProtocol.Dnrgb)
                     from count in ledCounts
                     from timeout in Gen.Choose(1, 255)
                     from seed in Gen.Choose(0, int.MaxValue)
                     from frames in Gen.Choose(1, 3)
                     select (protocol, count, timeout, seed, frames)).ToArbitrary();

        FuzzRun.Check(Prop.ForAll(cases, c =>
        {
            var writer = new WledFrameWriter(c.protocol, c.count, (byte)c.timeout);
            var random = new Random(c.seed);
            var sequences = new List<byte>();
            for (var frame = 0; frame < c.frames; frame++)
            {
                var leds = new Rgb24[c.count];
                random.NextBytes(MemoryMarshal.AsBytes(leds.AsSpan()));
                writer.Write(leds);
                sequences.Add(CheckFrame(writer, c.protocol, c.count, (byte)c.timeout, leds));
            }

            // DDP numbers frames 1-15 and every packet of a frame carries its number.
            Assert.True(writer.Protocol != WledProtocol.Ddp || sequences.Zip(sequences.Skip(1)).All(p => p.Second == (p.First % 15) + 1));
        }), runs: 300);
    }

    [Fact]
    public void Write_WrongNumberOfColors_IsRefusedAndTheLastFrameStays()
    {
        var cases = (from count in Gen.Choose(1, 2000)
                     from given in Gen.Choose(0, 2100)
                     where given != count
                     select (count, given)).ToArbitrary();

        FuzzRun.Check(Prop.ForAll(cases, c =>
        {
            var writer = new WledFrameWriter(WledProtocol.Ddp, c.count, 2);
            writer.Write(new Rgb24[c.count]);
            var before = Enumerable.Range(0, writer.PacketCount).Select(i => writer.Packet(i).ToArray()).ToList();

            Assert.Throws<ArgumentException>(() => writer.Write(new Rgb24[c.given]));

            Assert.Equal(before, Enumerable.Range(0, writer.PacketCount).Select(i => writer.Packet(i).ToArray()));
        }), runs: 200);
    }

    private static byte CheckFrame(WledFrameWriter writer, WledProtocol asked, int count, byte timeout, Rgb24[] leds)
    {
        var expected = asked == WledProtocol.Drgb && count > WledPackets.DrgbMaxLeds ? WledProtocol.Dnrgb : asked;
        Assert.Equal(expected, writer.Protocol);
        var perPacket = expected switch
        {
            WledProtocol.Ddp => WledPackets.DdpMaxLeds,
            WledProtocol.Dnrgb => WledPackets.DnrgbMaxLeds,
            _ => WledPackets.DrgbMaxLeds,
        };
        Assert.Equal((count + perPacket - 1) / perPacket, writer.PacketCount);

        var data = new List<byte>(count * 3);
        byte sequence = 0;
        for (var i = 0; i < writer.PacketCount; i++)
        {
            var packet = writer.Packet(i).Span;
            var first = i * perPacket;
            var chunk = Math.Min(perPacket, count - first);
            Assert.True(packet.Length <= WledPackets.MaxPacketBytes);
            switch (expected)
            {
                case WledProtocol.Ddp:
                    Assert.Equal(WledPackets.DdpHeaderBytes + (chunk * 3), packet.Length);
                    Assert.Equal(i == writer.PacketCount - 1 ? 0x41 : 0x40, packet[0]);
                    Assert.InRange(packet[1], 1, 15);
                    Assert.True(i == 0 || packet[1] == sequence);
                    sequence = packet[1];
                    Assert.Equal([0x0B, 0x01], packet[2..4].ToArray());
                    Assert.Equal((uint)(first * 3), BinaryPrimitives.ReadUInt32BigEndian(packet[4..]));
                    Assert.Equal(chunk * 3, BinaryPrimitives.ReadUInt16BigEndian(packet[8..]));
                    data.AddRange(packet[WledPackets.DdpHeaderBytes..]);
                    break;
                case WledProtocol.Dnrgb:
                    Assert.Equal(4 + (chunk * 3), packet.Length);
                    Assert.Equal([4, timeout], packet[..2].ToArray());
                    Assert.Equal(first, BinaryPrimitives.ReadUInt16BigEndian(packet[2..]));
                    data.AddRange(packet[4..]);
                    break;
                default:
                    Assert.Equal(2 + (chunk * 3), packet.Length);
                    Assert.Equal([2, timeout], packet[..2].ToArray());
                    data.AddRange(packet[2..]);
                    break;
            }
        }

        Assert.True(MemoryMarshal.AsBytes(leds.AsSpan()).SequenceEqual(CollectionsMarshal.AsSpan(data)), "the packets do not carry the frame's bytes in order");
        return sequence;
    }
}
