using System.Threading.Channels;
using MQTTnet;

namespace DominantColors.Testing.Mqtt;

/// <summary>A plain MQTT client that subscribes to a filter and lets a test await the messages it receives.</summary>
internal sealed class RecordingSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly Channel<ReceivedMessage> _messages = Channel.CreateUnbounded<ReceivedMessage>();
    private long _lastArrival;

    private RecordingSubscriber(IMqttClient client)
    {
        _client = client;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            Volatile.Write(ref _lastArrival, System.Diagnostics.Stopwatch.GetTimestamp());
            var message = e.ApplicationMessage;
            _messages.Writer.TryWrite(new ReceivedMessage(message.Topic, message.ConvertPayloadToString() ?? string.Empty, message.Retain));
            return Task.CompletedTask;
        };
    }

    public static async Task<RecordingSubscriber> ConnectAsync(int port, string filter = "#")
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var subscriber = new RecordingSubscriber(client);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId("test-subscriber-" + Guid.NewGuid().ToString("N"))
            .Build();
        await client.ConnectAsync(options, CancellationToken.None);
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter).Build(), CancellationToken.None);
        return subscriber;
    }

    public IMqttClient Client => _client;

    /// <summary>When the client handed over the latest message (Stopwatch timestamp), before the test's own wait wakes.</summary>
    public long LastArrival => Volatile.Read(ref _lastArrival);

    /// <summary>The next message, or a timeout failure.</summary>
    public async Task<ReceivedMessage> NextAsync(TimeSpan? timeout = null) =>
        await _messages.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? TimeSpan.FromSeconds(10));

    /// <summary>Skips messages until one matches <paramref name="match"/>.</summary>
    public async Task<ReceivedMessage> NextMatchingAsync(Func<ReceivedMessage, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var message = await _messages.Reader.ReadAsync(cts.Token);
            if (match(message))
            {
                return message;
            }
        }
    }

    /// <summary>What arrived so far, without waiting.</summary>
    public IReadOnlyList<ReceivedMessage> Drain()
    {
        var list = new List<ReceivedMessage>();
        while (_messages.Reader.TryRead(out var message))
        {
            list.Add(message);
        }

        return list;
    }

    public Task PublishAsync(string topic, string payload, bool retain = false) =>
        _client.PublishStringAsync(topic, payload, MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce, retain, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }

        _client.Dispose();
    }
}
