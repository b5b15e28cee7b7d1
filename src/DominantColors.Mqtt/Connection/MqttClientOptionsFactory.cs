using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace DominantColors.Mqtt.Connection;

/// <summary>
/// Builds one client's <see cref="MqttClientOptions"/>: every client gets its own options object and id (MQTTnet 5
/// clients built from one options object share an id, and the broker then drops one of them).
/// </summary>
internal static class MqttClientOptionsFactory
{
    public static MqttClientOptions Create(MqttConnectionOptions options, string clientId, LastWill? will = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Broker, options.EffectivePort)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(TimeSpan.FromSeconds(10));

        // One socket write per packet: by default MQTTnet writes a PUBLISH's header and payload separately, which
        // is two TCP segments (NoDelay is on) and can cost the broker a second wake-up before it can route the
        // message. The price is one copy of a payload of a few dozen bytes.
        builder.WithoutPacketFragmentation();

        if (options.Username is not null)
        {
            builder.WithCredentials(options.Username, options.ReadPassword());
        }

        if (will is { } lastWill)
        {
            builder.WithWillTopic(lastWill.Topic)
                .WithWillPayload(lastWill.Payload)
                .WithWillRetain(true)
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        }

        if (options.Tls is { IsActive: true } tls)
        {
            builder.WithTlsOptions(t => ConfigureTls(t, tls, options.Broker));
        }

        return builder.Build();
    }

    private static void ConfigureTls(MqttClientTlsOptionsBuilder builder, MqttTlsOptions tls, string broker)
    {
        builder.UseTls(true).WithTargetHost(tls.ServerName ?? broker);
        if (tls.CaFile is not null)
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(tls.CaFile);
            // A private CA publishes no revocation lists; looking for them only delays the handshake.
            builder.WithRevocationMode(X509RevocationMode.NoCheck);
            builder.WithCertificateValidationHandler(args => IsSignedBy(args.Certificate, args.Chain, args.SslPolicyErrors, authorities));
        }

        if (tls.CertFile is not null && tls.KeyFile is not null)
        {
            builder.WithClientCertificates(new X509Certificate2Collection(X509Certificate2.CreateFromPemFile(tls.CertFile, tls.KeyFile)));
        }
    }

    /// <summary>
    /// Accepts the broker's certificate only if its name matched and it chains to one of <paramref name="authorities"/>
    /// (and not merely to the system store).
    /// </summary>
    internal static bool IsSignedBy(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors, X509Certificate2Collection authorities)
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(leaf);
    }
}
