using DominantColors.Hue.Bridge;

namespace DominantColors.Hue.Tests.Bridge;

public sealed class BridgeAddressTests
{
    [Theory]
    [InlineData("192.168.1.20", "192.168.1.20", 443)]
    [InlineData("192.168.1.20:8443", "192.168.1.20", 8443)]
    [InlineData("hue.local", "hue.local", 443)]
    [InlineData("[fe80::1]:444", "fe80::1", 444)]
    [InlineData("fe80::1", "fe80::1", 443)]
    public void TryParse_ValidText_SplitsHostAndPort(string text, string host, int port)
    {
        Assert.True(BridgeAddress.TryParse(text, out var address));
        Assert.Equal(new BridgeAddress(host, port), address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("host:0")]
    [InlineData("host:99999")]
    [InlineData("[fe80::1")]
    [InlineData("host:abc")]
    public void TryParse_InvalidText_Fails(string text)
    {
        Assert.False(BridgeAddress.TryParse(text, out _));
    }
}
