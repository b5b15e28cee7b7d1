using DominantColors.Colors;

namespace DominantColors.Wled.Tests;

public sealed class WledPacketsTests
{
    private static readonly Rgb24[] TwoLeds = [new(1, 2, 3), new(250, 251, 252)];

    [Fact]
    public void WriteDrgb_TwoLeds_IsProtocolTimeoutThenRgb()
    {
        var packet = new byte[WledPackets.MaxPacketBytes];

        var length = WledPackets.WriteDrgb(packet, TwoLeds, 2);

        Assert.Equal(new byte[] { 2, 2, 1, 2, 3, 250, 251, 252 }, packet[..length]);
    }

    [Fact]
    public void WriteDnrgb_StartAbove255_WritesTheIndexBigEndian()
    {
        var packet = new byte[WledPackets.MaxPacketBytes];

        var length = WledPackets.WriteDnrgb(packet, TwoLeds, 0x0102, 5);

        Assert.Equal(new byte[] { 4, 5, 0x01, 0x02, 1, 2, 3, 250, 251, 252 }, packet[..length]);
    }

    [Fact]
    public void WriteDdp_LastPacket_SetsPushAndByteOffset()
    {
        var packet = new byte[WledPackets.MaxPacketBytes];

        var length = WledPackets.WriteDdp(packet, TwoLeds, 480, 7, push: true);

        Assert.Equal(new byte[] { 0x41, 7, 0x0B, 1, 0, 0, 0x05, 0xA0, 0, 6, 1, 2, 3, 250, 251, 252 }, packet[..length]);
    }

    [Fact]
    public void WriteDdp_NotLast_HasNoPush()
    {
        var packet = new byte[WledPackets.MaxPacketBytes];

        WledPackets.WriteDdp(packet, TwoLeds, 0, 1, push: false);

        Assert.Equal(0x40, packet[0]);
    }

    [Fact]
    public void WriteExit_IsDrgbWithTimeoutZero()
    {
        var packet = new byte[2];

        Assert.Equal(2, WledPackets.WriteExit(packet));
        Assert.Equal(new byte[] { 2, 0 }, packet);
    }
}
