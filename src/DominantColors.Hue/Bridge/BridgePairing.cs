namespace DominantColors.Hue.Bridge;

/// <summary>
/// Pairs with a bridge: reads its id and certificate, asks for keys until the link button is pressed or the time is
/// up, then reads the application id. The certificate seen first is pinned for the rest of the exchange, so the keys
/// go only to the bridge whose fingerprint ends up in the credentials.
/// </summary>
public sealed class BridgePairing(TimeProvider time)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Between two pairing requests; the bridge asks for about one a second.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Pairs as <paramref name="deviceType"/> (<c>app#device</c>, at most 40 characters). Calls
    /// <paramref name="pressLinkButton"/> once, with the bridge's id and certificate fingerprint, when the bridge first
    /// says its button was not pressed. Throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    public async Task<HueCredentials> PairAsync(
        BridgeAddress address, string deviceType, string? expectedBridgeId, Action<string, string> pressLinkButton, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(pressLinkButton);
        if (deviceType.Length > 40)
        {
            throw new ArgumentException($"Device type '{deviceType}' is longer than the 40 characters a bridge accepts.", nameof(deviceType));
        }

        var started = time.GetTimestamp();
        var firstContact = BridgeCertificatePin.FirstContact(expectedBridgeId);
        BridgeConfig config;
        using (var probe = new HueBridgeClient(address, firstContact, applicationKey: null))
        {
            config = await probe.GetConfigAsync(cancellationToken).ConfigureAwait(false);
        }

        var bridgeId = firstContact.SeenBridgeId!;
        var sha256 = firstContact.SeenSha256!;
        if (!string.Equals(config.BridgeId, bridgeId, StringComparison.OrdinalIgnoreCase))
        {
            throw new HueBridgeException(
                $"Bridge {address} says it is {config.BridgeId} but its certificate is for {bridgeId}; refusing to pair.");
        }

        var pin = BridgeCertificatePin.ForPairedBridge(bridgeId, sha256);
        PairingResult? keys;
        using (var client = new HueBridgeClient(address, pin, applicationKey: null))
        {
            var asked = false;
            while ((keys = await client.TryPairAsync(deviceType, cancellationToken).ConfigureAwait(false)) is null)
            {
                if (!asked)
                {
                    pressLinkButton(bridgeId, sha256);
                    asked = true;
                }

                if (time.GetElapsedTime(started) >= timeout)
                {
                    throw new TimeoutException(
                        $"Bridge {bridgeId} at {address}: the link button was not pressed within {timeout.TotalSeconds:0} s.");
                }

                await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
            }
        }

        string? applicationId;
        using (var authenticated = new HueBridgeClient(address, pin, keys.ApplicationKey))
        {
            applicationId = await authenticated.GetApplicationIdAsync(cancellationToken).ConfigureAwait(false);
        }

        return new HueCredentials
        {
            BridgeId = bridgeId.ToLowerInvariant(),
            Bridge = address.ToString(),
            ApplicationKey = keys.ApplicationKey,
            ClientKey = keys.ClientKey.ToLowerInvariant(),
            ApplicationId = applicationId,
            CertificateSha256 = sha256,
        };
    }
}
