using System.Net;
using DominantColors.Sources.Hyperion;

namespace DominantColors.Sources.Tests.Hyperion;

public sealed class PeerAllowListTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("192.168.1.40", true)]
    [InlineData("::ffff:192.168.1.40", true)]
    [InlineData("10.0.0.7", true)]
    [InlineData("10.0.0.8", false)]
    [InlineData("192.168.2.40", false)]
    public void Allows_Peer_LoopbackOrCoveredByAnEntry(string peer, bool allowed)
    {
        var list = new PeerAllowList(["192.168.1.0/24", "10.0.0.7"]);

        Assert.Equal(allowed, list.Allows(IPAddress.Parse(peer)));
    }

    [Theory]
    [InlineData("192.168.1.0/24", true)]
    [InlineData("fd00::/8", true)]
    [InlineData("192.168.1.40", true)]
    [InlineData("192.168.1.0/33", false)]
    [InlineData("tv.local", false)]
    [InlineData("", false)]
    public void TryParseEntry_Text_AcceptsAddressesAndNetworksOnly(string entry, bool valid)
    {
        Assert.Equal(valid, PeerAllowList.TryParseEntry(entry, out _));
    }
}
