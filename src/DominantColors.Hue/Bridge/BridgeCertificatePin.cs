using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DominantColors.Hue.Bridge;

/// <summary>
/// Decides whether a TLS certificate belongs to the bridge. Bridges are reached by IP address and present a
/// certificate for their bridge id (CN, 16 hex digits), so host-name and public-CA checks cannot apply; instead the CN
/// must be the bridge id and, once paired, the certificate's SHA-256 must be the one stored at pairing. At first
/// contact (pairing) there is no fingerprint yet: the certificate is accepted only if its CN is a bridge id (the
/// expected one, when known), and its fingerprint is recorded so the user sees it and it is pinned from then on.
/// </summary>
public sealed class BridgeCertificatePin
{
    private readonly string? _expectedBridgeId;
    private readonly string? _expectedSha256;

    private BridgeCertificatePin(string? expectedBridgeId, string? expectedSha256)
    {
        _expectedBridgeId = expectedBridgeId;
        _expectedSha256 = expectedSha256;
    }

    /// <summary>The bridge id (CN) of the last certificate seen.</summary>
    public string? SeenBridgeId { get; private set; }

    /// <summary>The SHA-256 (lowercase hex) of the last certificate seen.</summary>
    public string? SeenSha256 { get; private set; }

    /// <summary>Why the last certificate was refused, for the error message.</summary>
    public string? LastRejection { get; private set; }

    /// <summary>For a paired bridge: CN and fingerprint must both match.</summary>
    public static BridgeCertificatePin ForPairedBridge(string bridgeId, string certificateSha256)
    {
        ArgumentException.ThrowIfNullOrEmpty(bridgeId);
        ArgumentException.ThrowIfNullOrEmpty(certificateSha256);
        return new BridgeCertificatePin(bridgeId, certificateSha256);
    }

    public static BridgeCertificatePin ForPairedBridge(HueCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return ForPairedBridge(credentials.BridgeId, credentials.CertificateSha256);
    }

    /// <summary>For pairing: any bridge certificate (CN = <paramref name="expectedBridgeId"/> when given), recorded.</summary>
    public static BridgeCertificatePin FirstContact(string? expectedBridgeId = null) => new(expectedBridgeId, null);

    /// <summary>True when <paramref name="certificate"/> is this bridge's; otherwise records why not.</summary>
    public bool Validate(X509Certificate? certificate)
    {
        if (certificate is null)
        {
            LastRejection = "the bridge presented no certificate";
            return false;
        }

        using var certificate2 = new X509Certificate2(certificate);
        var commonName = certificate2.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(certificate2.RawData));
        SeenBridgeId = commonName;
        SeenSha256 = sha256;

        if (!IsBridgeId(commonName))
        {
            LastRejection = $"the certificate's CN '{commonName}' is not a bridge id";
            return false;
        }

        if (_expectedBridgeId is not null && !string.Equals(commonName, _expectedBridgeId, StringComparison.OrdinalIgnoreCase))
        {
            LastRejection = $"the certificate is for bridge {commonName}, expected {_expectedBridgeId}";
            return false;
        }

        if (_expectedSha256 is not null && !string.Equals(sha256, _expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            LastRejection = $"the certificate's SHA-256 {sha256} differs from the one stored at pairing ({_expectedSha256}); pair again if the bridge was reset";
            return false;
        }

        LastRejection = null;
        return true;
    }

    /// <summary>16 hex digits (either case: the Bridge Pro uses upper case).</summary>
    public static bool IsBridgeId(string? text) => text is { Length: 16 } && text.All(Uri.IsHexDigit);
}
