using DominantColors.Hue.Discovery;

namespace DominantColors.Hue.Tests.Bridge;

public sealed class MdnsBridgeDiscoveryTests
{
    [Fact]
    public void Query_AsksForHuePtrWithUnicastResponse()
    {
        var query = MdnsBridgeDiscovery.Query();

        Assert.Equal(1, query[5]); // one question
        Assert.Equal("\u0004_hue\u0004_tcp\u0005local\0"u8.ToArray(), query[12..^4]);
        Assert.Equal(new byte[] { 0, 12, 0x80, 1 }, query[^4..]);
    }

    [Fact]
    public void TryParseAnswer_ResponseWithTxt_ReadsBridgeIdAndModel()
    {
        // A response: header, one TXT answer for "Hue Bridge._hue._tcp.local" with bridgeid and modelid.
        var name = "\u000aHue Bridge\u0004_hue\u0004_tcp\u0005local\0"u8.ToArray();
        var txt = "\u0019bridgeid=001788FFFE4A5B6C\u000emodelid=BSB002"u8.ToArray();
        byte[] message =
        [
            0, 0, 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 0,
            .. name, 0, 16, 0x80, 1, 0, 0, 0x11, 0x94, 0, (byte)txt.Length, .. txt,
        ];

        Assert.True(MdnsBridgeDiscovery.TryParseAnswer(message, out var bridgeId, out var modelId));

        Assert.Equal("001788fffe4a5b6c", bridgeId);
        Assert.Equal("BSB002", modelId);
    }

    [Fact]
    public async Task DiscoverAsync_NoBridgeAround_ReturnsWithoutThrowing()
    {
        var bridges = await MdnsBridgeDiscovery.DiscoverAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None);

        Assert.All(bridges, b => Assert.NotNull(b.Address));
    }
}
