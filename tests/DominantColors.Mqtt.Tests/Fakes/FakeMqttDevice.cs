using MQTTnet;
using MQTTnet.Protocol;

namespace DominantColors.Mqtt.Tests.Fakes;

/// <summary>
/// A light on the broker that reports its state: retained on its state topic from the start, and/or again whenever
/// a message arrives on its request topic (Zigbee2MQTT's <c>/get</c>, Tasmota's <c>cmnd/…/State</c>).
/// </summary>
internal sealed class FakeMqttDevice : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private FakeMqttDevice(IMqttClient client) => _client = client;

    /// <summary>How many state requests arrived.</summary>
    public int Requests { get; private set; }

    public static async Task<FakeMqttDevice> StartAsync(int port, IReadOnlyDictionary<string, string> retained, string? requestTopic = null, string? stateTopic = null, string? answer = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var device = new FakeMqttDevice(client);
        await client.ConnectAsync(
            new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("fake-device-" + Guid.NewGuid().ToString("N")).Build(),
            CancellationToken.None);
        foreach (var (topic, payload) in retained)
        {
            await client.PublishStringAsync(topic, payload, MqttQualityOfServiceLevel.AtLeastOnce, retain: true, CancellationToken.None);
        }

        if (requestTopic is not null)
        {
            client.ApplicationMessageReceivedAsync += async e =>
            {
                if (e.ApplicationMessage.Topic == requestTopic)
                {
                    device.Requests++;
                    await client.PublishStringAsync(stateTopic, answer, MqttQualityOfServiceLevel.AtMostOnce, retain: false, CancellationToken.None);
                }
            };
            await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(requestTopic).Build(), CancellationToken.None);
        }

        return device;
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
