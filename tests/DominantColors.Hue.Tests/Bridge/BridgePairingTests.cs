using DominantColors.Hue.Bridge;
using DominantColors.Testing.Hue;

namespace DominantColors.Hue.Tests.Bridge;

public sealed class BridgePairingTests
{
    [Fact]
    public async Task PairAsync_ButtonPressedAfterPrompt_ReturnsPinnedCredentials()
    {
        await using var bridge = new FakeHueBridge();
        var pairing = new BridgePairing(TimeProvider.System) { PollInterval = TimeSpan.FromMilliseconds(10) };
        string? promptedId = null;

        var credentials = await pairing.PairAsync(
            bridge.Address, "dominant-colors#test", null, (id, _) => { promptedId = id; bridge.LinkButtonPressed = true; },
            TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(bridge.BridgeId, promptedId);
        Assert.True(bridge.PairingAttempts >= 2);
        Assert.Equal(bridge.BridgeId, credentials.BridgeId);
        Assert.Equal(bridge.ApplicationKey, credentials.ApplicationKey);
        Assert.Equal(bridge.ClientKey.ToLowerInvariant(), credentials.ClientKey);
        Assert.Equal(bridge.ApplicationId, credentials.ApplicationId);
        Assert.Equal(bridge.CertificateSha256, credentials.CertificateSha256);
    }

    [Fact]
    public async Task PairAsync_ButtonNeverPressed_TimesOutNamingTheBridge()
    {
        await using var bridge = new FakeHueBridge();
        var pairing = new BridgePairing(TimeProvider.System) { PollInterval = TimeSpan.FromMilliseconds(10) };

        var error = await Assert.ThrowsAsync<TimeoutException>(() => pairing.PairAsync(
            bridge.Address, "dominant-colors#test", null, (_, _) => { }, TimeSpan.FromMilliseconds(300), CancellationToken.None));

        Assert.Contains(bridge.BridgeId, error.Message, StringComparison.Ordinal);
        Assert.Contains("link button", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PairAsync_OtherBridgeIdExpected_RefusesBeforeAskingForKeys()
    {
        await using var bridge = new FakeHueBridge { LinkButtonPressed = true };
        var pairing = new BridgePairing(TimeProvider.System);

        var error = await Assert.ThrowsAsync<HueBridgeException>(() => pairing.PairAsync(
            bridge.Address, "dominant-colors#test", "001788fffe000000", (_, _) => { }, TimeSpan.FromSeconds(5), CancellationToken.None));

        Assert.Contains("001788fffe000000", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, bridge.PairingAttempts);
    }
}
