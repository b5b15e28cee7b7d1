using System.Text;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;

namespace DominantColors.Testing.Hue;

/// <summary>The bridge's DTLS side: DTLS 1.2, TLS_PSK_WITH_AES_128_GCM_SHA256, one identity and key.</summary>
internal sealed class FakePskTlsServer(TlsCrypto crypto, FakePskTlsServer.IdentityCheck identities) : PskTlsServer(crypto, identities)
{
    public bool PeerClosed { get; private set; }

    public override void NotifyAlertReceived(short alertLevel, short alertDescription)
    {
        if (alertLevel == AlertLevel.fatal || alertDescription == AlertDescription.close_notify)
        {
            PeerClosed = true;
        }

        base.NotifyAlertReceived(alertLevel, alertDescription);
    }

    protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.DTLSv12.Only();

    protected override int[] GetSupportedCipherSuites() => [CipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256];

    /// <summary>Accepts only the expected identities, each with the one key.</summary>
    internal sealed class IdentityCheck(Func<string, bool> accepts, byte[] psk) : TlsPskIdentityManager
    {
        public string? LastIdentity { get; private set; }

        public byte[]? GetHint() => null;

        public byte[]? GetPsk(byte[] identity)
        {
            LastIdentity = Encoding.UTF8.GetString(identity);
            return accepts(LastIdentity) ? psk : null;
        }
    }
}
