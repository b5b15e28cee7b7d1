using System.Security.Authentication;
using MQTTnet;
using MQTTnet.Exceptions;

namespace DominantColors.Mqtt.Connection;

/// <summary>
/// Connects a client and turns a refused TLS handshake into an error that says why: MQTTnet only reports that "the
/// remote certificate was rejected by the provided RemoteCertificateValidationCallback", which names neither the
/// broker nor the <c>tls.caFile</c> it was checked against.
/// </summary>
internal static class MqttConnector
{
    public static async Task ConnectAsync(IMqttClient client, MqttClientOptions clientOptions, MqttConnectionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            await client.ConnectAsync(clientOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (MqttCommunicationException ex) when (ex.InnerException is AuthenticationException && options.Tls is { IsActive: true } tls)
        {
            var host = tls.ServerName ?? options.Broker;
            var expected = tls.CaFile is { } ca ? $"signed by the CA in tls.caFile '{ca}'" : "trusted by the system's certificate store";
            throw new MqttCommunicationException(
                $"TLS to MQTT broker {options.Broker}:{options.EffectivePort} refused: its certificate is not {expected}, or does not name '{host}' (tls.serverName)", ex);
        }
    }
}
