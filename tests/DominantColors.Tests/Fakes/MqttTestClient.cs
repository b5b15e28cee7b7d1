using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;

namespace DominantColors.Tests.Fakes;

/// <summary>A plain MQTT client standing in for Home Assistant: it subscribes, records, and sends commands.</summary>
internal sealed class MqttTestClient : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly Channel<(string Topic, string Payload, bool Retain)> _messages = Channel.CreateUnbounded<(string, string, bool)>();

    private MqttTestClient(IMqttClient client)
    {
        _client = client;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var message = e.ApplicationMessage;
            _messages.Writer.TryWrite((message.Topic, message.ConvertPayloadToString() ?? string.Empty, message.Retain));
            return Task.CompletedTask;
        };
    }

    public static async Task<MqttTestClient> ConnectAsync(int port, string filter)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = new MqttTestClient(client);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId("test-ha-" + Guid.NewGuid().ToString("N"))
            .Build();
        await client.ConnectAsync(options, CancellationToken.None);
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter).Build(), CancellationToken.None);
        return result;
    }

    /// <summary>Skips messages until one on <paramref name="topic"/> matches, or fails after ten seconds.</summary>
    public async Task<(string Topic, string Payload, bool Retain)> NextAsync(string topic, Func<string, bool>? match = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var message = await _messages.Reader.ReadAsync(timeout.Token);
            if (message.Topic == topic && (match is null || match(message.Payload)))
            {
                return message;
            }
        }
    }

    public Task PublishAsync(string topic, string payload) =>
        _client.PublishStringAsync(topic, payload, MqttQualityOfServiceLevel.AtLeastOnce, retain: false, CancellationToken.None);

    public Task PublishAsync(string topic, byte[] payload) =>
        _client.PublishBinaryAsync(topic, payload, MqttQualityOfServiceLevel.AtLeastOnce, retain: false, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }

        _client.Dispose();
    }
}
