using MQTTnet;

namespace DominantColors.IntegrationTests.Peers;

/// <summary>
/// An MQTT subscriber that only counts what arrives (a long run must not keep messages), and connects again on demand
/// after its broker restarted.
/// </summary>
internal sealed class MqttCounter : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly int _port;
    private readonly string _filter;
    private long _received;

    public MqttCounter(int port, string filter)
    {
        _port = port;
        _filter = filter;
        _client.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref _received);
            return Task.CompletedTask;
        };
    }

    public long Received => Interlocked.Read(ref _received);

    /// <summary>Connects (again) with a fresh client id and subscribes.</summary>
    public async Task ConnectAsync()
    {
        if (_client.IsConnected)
        {
            return;
        }

        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _port)
            .WithClientId("soak-counter-" + Guid.NewGuid().ToString("N"))
            .Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _client.ConnectAsync(options, timeout.Token);
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(_filter).Build(), timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }

        _client.Dispose();
    }
}
