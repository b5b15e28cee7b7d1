namespace DominantColors.Hue.Bridge;

/// <summary>
/// What pairing with one bridge yields. <see cref="ApplicationKey"/> and <see cref="ClientKey"/> are secrets:
/// <see cref="ToString"/> leaves them out so they never reach a log.
/// </summary>
public sealed class HueCredentials
{
    public required string BridgeId { get; init; }

    /// <summary>The address used at pairing; the daemon's <c>bridge</c> key overrides it.</summary>
    public string? Bridge { get; init; }

    /// <summary>The v1 "username", sent as <c>hue-application-key</c>.</summary>
    public required string ApplicationKey { get; init; }

    /// <summary>32 hex digits: the DTLS pre-shared key.</summary>
    public required string ClientKey { get; init; }

    /// <summary>From <c>GET /auth/v1</c>; the DTLS identity. Null when the bridge did not report one.</summary>
    public string? ApplicationId { get; init; }

    /// <summary>SHA-256 of the bridge's certificate (DER), lowercase hex, seen at pairing.</summary>
    public required string CertificateSha256 { get; init; }

    /// <summary>The identity to stream with: the application id, else the application key.</summary>
    public string StreamingIdentity => string.IsNullOrEmpty(ApplicationId) ? ApplicationKey : ApplicationId;

    public override string ToString() => $"Hue credentials for bridge {BridgeId} (certificate {CertificateSha256})";
}
