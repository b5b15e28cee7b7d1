using System.Globalization;
using DominantColors.Colors;
using DominantColors.Leds.ArtNet;
using DominantColors.Leds.Tests.Fakes;

namespace DominantColors.Leds.Tests.ArtNet;

/// <summary>Against the npm <c>dmxnet</c> node (Peers/artnet-receiver.js) on loopback.</summary>
public sealed class ArtNetPeerTests
{
    [Fact]
    public async Task RunAsync_StripOnNet1Subnet2Universe3_NodeGetsTheColorsAndDarkOnStop()
    {
        var port = Ports.FreeUdp();
        const int portAddress = (1 << 8) | (2 << 4) | 3;
        await using var peer = await NodePeer.StartAsync("artnet-receiver.js", port.ToString(CultureInfo.InvariantCulture), portAddress.ToString(CultureInfo.InvariantCulture));
        var options = new ArtNetOptions { Host = "127.0.0.1", Port = port, Universe = portAddress, Lights = ["tv"], LedCount = 3 };
        options.SetName("artnet0");
        await using var strip = RunningStrip.Start("artnet", options, new ArtNetTransport(options, 3), TimeSpan.FromSeconds(1));

        strip.Feed.Publish([new Rgb24(9, 8, 7)], 1);

        var frame = await peer.NextAsync();
        Assert.Equal(portAddress, frame.GetProperty("address").GetInt32());
        Assert.Equal("090807090807090807" + "00", frame.GetProperty("data").GetString());

        await strip.StopAndRestoreAsync();

        // Skipping any keep-alive of the last colors still in flight, the next frame is dark.
        string? data;
        do
        {
            data = (await peer.NextAsync()).GetProperty("data").GetString();
        }
        while (data == "09080709080709080700");
        Assert.Equal(new string('0', 20), data);
    }
}
