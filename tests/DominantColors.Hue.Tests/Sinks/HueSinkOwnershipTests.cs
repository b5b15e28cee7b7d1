using DominantColors.Hue.Bridge;
using DominantColors.Hue.Colors;
using DominantColors.Hue.Sinks;
using DominantColors.Testing.Hue;

namespace DominantColors.Hue.Tests.Sinks;

/// <summary>A Hue sink owns the bridge client it is given (an HttpClient with its own handler) and disposes it.</summary>
public sealed class HueSinkOwnershipTests
{
    [Fact]
    public async Task DisposeAsync_RestSink_DisposesItsBridgeClient()
    {
        await using var bridge = new FakeHueBridge();
        var client = Client(bridge);
        using var budget = new RestCommandBudget(TimeProvider.System);
        var sink = new HueRestSink("hue:test", client, [new HueRestLight("tv", bridge.Lights[0].Name)], budget, new XyColorConverter(), false, TimeProvider.System);

        await sink.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetLightsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DisposeAsync_EntertainmentSink_DisposesItsBridgeClient()
    {
        await using var bridge = new FakeHueBridge();
        var client = Client(bridge);
        using var budget = new RestCommandBudget(TimeProvider.System);
        string[] lights = ["tv:left"];
        var map = new HueChannelMap(lights, new Dictionary<int, string> { [0] = "tv:left" }, null);
        var options = new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port };
        var sink = new HueEntertainmentSink("hue:test", client, bridge.Credentials, options, lights, map, new XyColorConverter(), budget, TimeProvider.System);

        await sink.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetLightsAsync(CancellationToken.None));
    }

    private static HueBridgeClient Client(FakeHueBridge bridge) =>
        new(bridge.Address, BridgeCertificatePin.ForPairedBridge(bridge.Credentials), bridge.ApplicationKey);
}
