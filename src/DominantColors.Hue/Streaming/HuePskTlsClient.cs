using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;

namespace DominantColors.Hue.Streaming;

/// <summary>
/// The client side of the bridge's Entertainment handshake: DTLS 1.2 only, one cipher suite
/// (TLS_PSK_WITH_AES_128_GCM_SHA256), a bounded handshake time, and a note of any alert the peer sends.
/// </summary>
internal sealed class HuePskTlsClient(TlsCrypto crypto, TlsPskIdentity identity, int handshakeTimeoutMillis)
    : PskTlsClient(crypto, identity)
{
    private volatile bool _peerClosed;

    /// <summary>True once the peer sent close_notify or a fatal alert.</summary>
    public bool PeerClosed => _peerClosed;

    public short LastAlert { get; private set; } = -1;

    /// <summary>The session's context once the handshake began (keys, randoms, negotiated suite).</summary>
    public TlsClientContext? Context { get; private set; }

    /// <summary>
    /// The TLS 1.2 key block (client key, server key, client salt, server salt: 40 bytes for AES-128-GCM), derived
    /// when the handshake completes, before BouncyCastle discards the master secret.
    /// </summary>
    public byte[]? KeyBlock { get; private set; }

    public override void NotifyHandshakeComplete()
    {
        base.NotifyHandshakeComplete();
        var parameters = Context!.SecurityParameters;
        byte[] seed = [.. parameters.ServerRandom, .. parameters.ClientRandom];
        KeyBlock = parameters.MasterSecret.DeriveUsingPrf(parameters.PrfAlgorithm, ExporterLabel.key_expansion, seed, 40).Extract();
    }

    public override void Init(TlsClientContext context)
    {
        Context = context;
        base.Init(context);
    }

    public override int GetHandshakeTimeoutMillis() => handshakeTimeoutMillis;

    public override void NotifyAlertReceived(short alertLevel, short alertDescription)
    {
        LastAlert = alertDescription;
        if (alertLevel == AlertLevel.fatal || alertDescription == AlertDescription.close_notify)
        {
            _peerClosed = true;
        }

        base.NotifyAlertReceived(alertLevel, alertDescription);
    }

    protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.DTLSv12.Only();

    protected override int[] GetSupportedCipherSuites() => [CipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256];
}
