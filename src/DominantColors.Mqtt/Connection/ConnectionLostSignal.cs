using MQTTnet;

namespace DominantColors.Mqtt.Connection;

/// <summary>
/// The token an MQTT client's pump watches to notice that the broker went away: renewed at each connect, cancelled
/// when MQTTnet reports that a connected client lost the broker (a failed connect is reported by the connect itself).
/// </summary>
internal sealed class ConnectionLostSignal : IDisposable
{
    private CancellationTokenSource _lost = new();

    /// <summary>Cancelled once the current connection is lost; read it after <see cref="Renew"/>, on the client's loop.</summary>
    public CancellationToken Token => Volatile.Read(ref _lost).Token;

    /// <summary>Starts watching a new connection (call before connecting).</summary>
    public void Renew() => Interlocked.Exchange(ref _lost, new CancellationTokenSource()).Dispose();

    /// <summary>The handler for <see cref="IMqttClient.DisconnectedAsync"/>.</summary>
    public Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.ClientWasConnected)
        {
            try
            {
                Volatile.Read(ref _lost).Cancel();
            }
            catch (ObjectDisposedException)
            {
                // A newer connection already replaced it.
            }
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _lost.Dispose();
}
