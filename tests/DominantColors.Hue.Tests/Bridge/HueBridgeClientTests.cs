using DominantColors.Hue.Bridge;
using DominantColors.Hue.Colors;
using DominantColors.Testing.Hue;

namespace DominantColors.Hue.Tests.Bridge;

public sealed class HueBridgeClientTests
{
    [Fact]
    public async Task GetConfigAsync_PinnedCertificate_ReturnsBridgeId()
    {
        await using var bridge = new FakeHueBridge();
        using var client = new HueBridgeClient(bridge.Address, BridgeCertificatePin.ForPairedBridge(bridge.Credentials), null);

        var config = await client.GetConfigAsync(CancellationToken.None);

        Assert.Equal(bridge.BridgeId, config.BridgeId, ignoreCase: true);
        Assert.Equal("BSB002", config.ModelId);
    }

    [Fact]
    public async Task GetLightsAsync_FingerprintChanged_RefusesAndSendsNoKey()
    {
        await using var bridge = new FakeHueBridge();
        var pin = BridgeCertificatePin.ForPairedBridge(bridge.BridgeId, new string('a', 64));
        using var client = new HueBridgeClient(bridge.Address, pin, bridge.ApplicationKey);

        var error = await Assert.ThrowsAsync<HueBridgeException>(() => client.GetLightsAsync(CancellationToken.None));

        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(bridge.ApplicationKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetConfigAsync_CertificateForAnotherBridge_Refuses()
    {
        await using var bridge = new FakeHueBridge();
        var pin = BridgeCertificatePin.ForPairedBridge("001788fffe999999", bridge.CertificateSha256);
        using var client = new HueBridgeClient(bridge.Address, pin, null);

        var error = await Assert.ThrowsAsync<HueBridgeException>(() => client.GetConfigAsync(CancellationToken.None));

        Assert.Contains("001788fffe999999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLightsAsync_V2_ReturnsLightsWithTheirGamut()
    {
        await using var bridge = new FakeHueBridge();
        using var client = Paired(bridge);

        var lights = await client.GetLightsAsync(CancellationToken.None);

        Assert.Equal(3, lights.Count);
        var lamp = Assert.Single(lights, l => l.Name == "Lamp");
        Assert.Equal(ColorGamut.B, lamp.Gamut);
        Assert.Equal("3", lamp.V1Id);
        Assert.True(lamp.Matches("lamp"));
        Assert.False(client.UsesV1);
    }

    [Fact]
    public async Task GetLightsAsync_BridgeWithoutV2_FallsBackToV1()
    {
        await using var bridge = new FakeHueBridge { SupportsV2 = false };
        using var client = Paired(bridge);

        var lights = await client.GetLightsAsync(CancellationToken.None);
        await client.SetLightAsync("2", new LightCommand(true, 100, new CieXy(0.3, 0.3), TimeSpan.FromMilliseconds(400)), CancellationToken.None);

        Assert.True(client.UsesV1);
        Assert.Equal(["1", "2", "3"], lights.Select(l => l.Id).Order());
        var command = Assert.Single(bridge.LightCommands);
        Assert.True(command.V1);
        Assert.Equal(254, command.Body.GetProperty("bri").GetInt32());
        Assert.Equal(4, command.Body.GetProperty("transitiontime").GetInt32());
    }

    [Fact]
    public async Task SetLightAsync_OnlyGivenAttributes_AreSent()
    {
        await using var bridge = new FakeHueBridge();
        using var client = Paired(bridge);

        await client.SetLightAsync(bridge.Lights[0].Id, new LightCommand(null, 42.5, null, TimeSpan.FromMilliseconds(200)), CancellationToken.None);

        var command = Assert.Single(bridge.LightCommands);
        Assert.Equal(42.5, command.Body.GetProperty("dimming").GetProperty("brightness").GetDouble());
        Assert.Equal(200, command.Body.GetProperty("dynamics").GetProperty("duration").GetInt32());
        Assert.False(command.Has("on"));
        Assert.False(command.Has("color"));
    }

    [Theory]
    [InlineData(429, false)]
    [InlineData(503, false)]
    [InlineData(901, true)]
    public async Task SetLightAsync_BridgeOverloaded_ThrowsBusy(int status, bool v1)
    {
        await using var bridge = new FakeHueBridge { SupportsV2 = !v1 };
        using var client = Paired(bridge);
        if (v1)
        {
            await client.GetLightsAsync(CancellationToken.None);
        }

        bridge.FailNextLightCommands(status);

        var error = await Assert.ThrowsAsync<HueBridgeBusyException>(() =>
            client.SetLightAsync(v1 ? "1" : bridge.Lights[0].Id, new LightCommand(false, null, null, null), CancellationToken.None));

        Assert.Equal(status, error.StatusCode);
    }

    [Fact]
    public async Task GetEntertainmentAreasAsync_ReturnsChannelsWithPositionsAndLights()
    {
        await using var bridge = new FakeHueBridge();
        using var client = Paired(bridge);

        var area = Assert.Single(await client.GetEntertainmentAreasAsync(CancellationToken.None));

        Assert.Equal("TV area", area.Name);
        Assert.False(area.IsActive);
        Assert.Equal([0, 1, 2], area.Channels.Select(c => (int)c.ChannelId));
        Assert.Equal(new ChannelPosition(-0.8, 0.9, 0), area.Channels[0].Position);
        Assert.Equal([bridge.Lights[2].Id], area.Channels[2].LightIds);
    }

    [Fact]
    public async Task StartEntertainmentAsync_ThenList_ShowsUsAsStreamer()
    {
        await using var bridge = new FakeHueBridge();
        using var client = Paired(bridge);

        await client.StartEntertainmentAsync(bridge.Areas[0].Id, CancellationToken.None);
        var area = Assert.Single(await client.GetEntertainmentAreasAsync(CancellationToken.None));

        Assert.True(area.IsActive);
        Assert.Equal(bridge.ApplicationId, area.ActiveStreamerId);
    }

    [Fact]
    public async Task GetApplicationIdAsync_WrongKey_ThrowsWithoutTheKey()
    {
        await using var bridge = new FakeHueBridge();
        using var client = new HueBridgeClient(bridge.Address, BridgeCertificatePin.ForPairedBridge(bridge.Credentials), "wrong-key-123");

        var error = await Assert.ThrowsAsync<HueBridgeException>(() => client.GetApplicationIdAsync(CancellationToken.None));

        Assert.Equal(403, error.StatusCode);
        Assert.DoesNotContain("wrong-key-123", error.Message, StringComparison.Ordinal);
    }

    private static HueBridgeClient Paired(FakeHueBridge bridge) =>
        new(bridge.Address, BridgeCertificatePin.ForPairedBridge(bridge.Credentials), bridge.ApplicationKey);
}
