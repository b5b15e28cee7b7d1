using DominantColors.Colors;
using DominantColors.Hue.Colors;
using DominantColors.Hue.Streaming;
using DominantColors.Testing;
using DominantColors.Testing.Hue;

namespace DominantColors.Hue.Tests.Streaming;

public sealed class HueStreamWriterTests
{
    private const string AreaId = "1a8d99cc-967b-44f2-9202-43f976c0fa6b";

    [Fact]
    public void NextFrame_TwoRgbChannels_HasHeaderIdAndBigEndianValues()
    {
        var writer = new HueStreamWriter(AreaId, HueStreamColorSpace.Rgb, 2);
        writer.SetRgb(0, 3, new Rgb24(255, 0, 1));
        writer.SetRgb(1, 7, new Rgb24(0, 128, 255));

        var bytes = writer.NextFrame().ToArray();

        Assert.Equal(52 + 14, bytes.Length);
        Assert.Equal("HueStream"u8.ToArray(), bytes[..9]);
        Assert.Equal(new byte[] { 2, 0, 0, 0, 0, 0, 0 }, bytes[9..16]);
        Assert.Equal(AreaId, System.Text.Encoding.ASCII.GetString(bytes, 16, 36));
        Assert.Equal(new byte[] { 3, 0xFF, 0xFF, 0x00, 0x00, 0x01, 0x01 }, bytes[52..59]);
        Assert.Equal(new byte[] { 7, 0x00, 0x00, 0x80, 0x80, 0xFF, 0xFF }, bytes[59..66]);
    }

    [Fact]
    public void NextFrame_Repeated_IncrementsAndWrapsSequence()
    {
        var writer = new HueStreamWriter(AreaId, HueStreamColorSpace.Rgb, 1);
        byte last = 0;
        for (var i = 0; i < 257; i++)
        {
            last = writer.NextFrame()[11];
        }

        Assert.Equal(0, last);
    }

    [Fact]
    public void SetXyBrightness_FullScale_DecodesToUnitValues()
    {
        var writer = new HueStreamWriter(AreaId.ToUpperInvariant(), HueStreamColorSpace.XyBrightness, 1);
        writer.SetXyBrightness(0, 0, new XyBrightness(new CieXy(0.5, 0.25), 1.0));

        Assert.True(HueStreamFrame.TryDecode(writer.NextFrame(), out var frame));

        Assert.Equal(1, frame!.ColorSpace);
        Assert.Equal(AreaId, frame.ConfigurationId);
        Assert.Equal(new HueStreamFrame.Channel(0, 32768, 16384, 65535), frame.Channels[0]);
    }

    [Fact]
    public void NextFrame_SteadyState_AllocatesNothing()
    {
        var writer = new HueStreamWriter(AreaId, HueStreamColorSpace.XyBrightness, 10);
        var converter = new XyColorConverter();

        Assert.Equal(0, SteadyStateAllocation.LeastPerRound(i => Write(writer, converter, i)));
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("1a8d99cc967b44f2920243f976c0fa6b")]
    public void Constructor_BadConfigurationId_ThrowsNamingIt(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => new HueStreamWriter(id, HueStreamColorSpace.Rgb, 1));

        Assert.Contains(id, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MoreThanTwentyChannels_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HueStreamWriter(AreaId, HueStreamColorSpace.Rgb, 21));
    }

    private static void Write(HueStreamWriter writer, XyColorConverter converter, int i)
    {
        for (var c = 0; c < writer.ChannelCount; c++)
        {
            writer.SetXyBrightness(c, (byte)c, converter.Convert(new Rgb24((byte)i, (byte)(i * 3), (byte)c), ColorGamut.C));
        }

        _ = writer.NextFrame();
    }
}
