using System.Globalization;
using DominantColors.Colors;
using DominantColors.Leds.ArtNet;
using DominantColors.Leds.Streaming;
using DominantColors.Leds.Tests.Fakes;
using DominantColors.Outputs;
using Microsoft.Extensions.Logging.Abstractions;

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
        await using var sink = new LedSink("artnet:artnet0", options, new ArtNetTransport(options, 3), TimeSpan.FromSeconds(1), TimeProvider.System, NullLogger.Instance, TimeSpan.FromSeconds(1));
        using var feed = new LightFeed(sink.Lights);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);

        feed.Publish([new Rgb24(9, 8, 7)], 1);

        var frame = await peer.NextAsync();
        Assert.Equal(portAddress, frame.GetProperty("address").GetInt32());
        Assert.Equal("090807090807090807" + "00", frame.GetProperty("data").GetString());

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        await sink.RestoreAsync(CancellationToken.None);

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
