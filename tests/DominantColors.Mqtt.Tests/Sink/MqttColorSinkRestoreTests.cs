using DominantColors.Colors;
using DominantColors.Mqtt.Connection;
using DominantColors.Mqtt.Sink;
using DominantColors.Mqtt.Tests.Fakes;
using DominantColors.Mqtt.Tests.Presets;
using DominantColors.Outputs;
using DominantColors.Testing.Mqtt;
using Microsoft.Extensions.Logging.Abstractions;

namespace DominantColors.Mqtt.Tests.Sink;

/// <summary>Each preset's restore against mosquitto: the state a fake device reported before the stream comes back on stop.</summary>
public sealed class MqttColorSinkRestoreTests
{
    private static readonly Rgb24 Streamed = new(10, 200, 30);

    [Fact]
    public async Task RestoreAsync_Zigbee2MqttAnswersGet_SetsItsStateBack()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var device = await FakeMqttDevice.StartAsync(broker.Port, new Dictionary<string, string>(), "zigbee2mqtt/tv/get", "zigbee2mqtt/tv",
            """{"state":"ON","brightness":120,"color_mode":"xy","color":{"x":0.3127,"y":0.329,"hue":30,"saturation":10},"color_temp":250,"linkquality":80}""");

        var restored = await StreamThenRestoreAsync(broker, PresetWriterTests.Options("zigbee2mqtt"), "zigbee2mqtt/tv/set");

        Assert.Equal(1, device.Requests);
        Assert.Equal("""{"state":"ON","brightness":120,"color":{"x":0.3127,"y":0.329},"transition":0.5}""", Assert.Single(restored).Payload);
    }

    [Fact]
    public async Task RestoreAsync_Zigbee2MqttWasOff_TurnsItOffAgain()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var device = await FakeMqttDevice.StartAsync(broker.Port, new Dictionary<string, string>(), "zigbee2mqtt/tv/get", "zigbee2mqtt/tv",
            """{"state":"OFF","brightness":120,"color_mode":"color_temp","color_temp":370}""");

        var restored = await StreamThenRestoreAsync(broker, PresetWriterTests.Options("zigbee2mqtt"), "zigbee2mqtt/tv/set");

        Assert.Equal("""{"state":"OFF","transition":0.5}""", Assert.Single(restored).Payload);
    }

    [Fact]
    public async Task RestoreAsync_TasmotaAnswersState_RestoresFadeSpeedColorAndPower()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var device = await FakeMqttDevice.StartAsync(broker.Port, new Dictionary<string, string>(), "cmnd/tv/State", "stat/tv/RESULT",
            """{"POWER":"ON","Dimmer":40,"Color":"664400","HSBColor":"40,100,40","Fade":"OFF","Speed":3}""");

        var restored = await StreamThenRestoreAsync(broker, PresetWriterTests.Options("tasmota"), "cmnd/tv/Color");

        var message = Assert.Single(restored);
        Assert.Equal("cmnd/tv/Backlog", message.Topic);
        Assert.Equal("Fade 0; Speed 3; Color #664400; Power ON", message.Payload);
    }

    [Fact]
    public async Task RestoreAsync_WledRetainsColorAndBrightness_SendsBothBack()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var device = await FakeMqttDevice.StartAsync(broker.Port, new Dictionary<string, string> { ["wled/tv/c"] = "#112233", ["wled/tv/g"] = "77" });

        var restored = await StreamThenRestoreAsync(broker, PresetWriterTests.Options("wled"), "wled/tv");

        Assert.Equal([new ReceivedMessage("wled/tv/col", "#112233", false), new ReceivedMessage("wled/tv", "77", false)], restored);
    }

    [Fact]
    public async Task RestoreAsync_EsphomeRetainsState_SendsItToTheCommandTopic()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var device = await FakeMqttDevice.StartAsync(broker.Port, new Dictionary<string, string>
        {
            ["tv/light/tv/state"] = """{"state":"ON","color_mode":"rgb","brightness":200,"color":{"r":255,"g":136,"b":0}}""",
        });

        var restored = await StreamThenRestoreAsync(broker, PresetWriterTests.Options("esphome"), "tv/light/tv/command");

        Assert.Equal("""{"state":"ON","brightness":200,"color":{"r":255,"g":136,"b":0},"transition":1}""", Assert.Single(restored).Payload);
    }

    [Fact]
    public async Task RestoreAsync_HomeAssistantLightRetainsState_SendsItToSet()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var device = await FakeMqttDevice.StartAsync(broker.Port, new Dictionary<string, string>
        {
            ["tv"] = """{"state":"ON","color_mode":"color_temp","brightness":90,"color_temp":300}""",
        });

        var restored = await StreamThenRestoreAsync(broker, PresetWriterTests.Options("homeassistant"), "tv/set");

        Assert.Equal("""{"state":"ON","brightness":90,"color_temp":300,"transition":0.5}""", Assert.Single(restored).Payload);
    }

    [Fact]
    public async Task RestoreAsync_WledRetainsNothing_SendsNothing()
    {
        await using var broker = await MosquittoBroker.StartAsync();

        var restored = await StreamThenRestoreAsync(broker, PresetWriterTests.Options("wled"), "wled/tv", stateWaitMs: 300);

        Assert.Empty(restored);
    }

    [Fact]
    public async Task RestoreAsync_Template_SendsNothing()
    {
        await using var broker = await MosquittoBroker.StartAsync();

        var restored = await StreamThenRestoreAsync(broker, PresetWriterTests.Options("template"), "lights/tv/cmd");

        Assert.Empty(restored);
    }

    /// <summary>
    /// Runs the sink until its first color reached <paramref name="streamTopic"/>, stops it, restores, and
    /// returns the messages the restore sent (everything after the streamed color, up to a marker published last).
    /// </summary>
    private static async Task<List<ReceivedMessage>> StreamThenRestoreAsync(MosquittoBroker broker, MqttSinkOptions options, string streamTopic, int stateWaitMs = 10_000)
    {
        options.Connection.Broker = "127.0.0.1";
        options.Connection.Port = broker.Port;
        await using var subscriber = await RecordingSubscriber.ConnectAsync(broker.Port);
        await using var sink = new MqttColorSink(options, TimeProvider.System, NullLogger.Instance, TimeSpan.FromSeconds(1))
        {
            StateWait = TimeSpan.FromMilliseconds(stateWaitMs), // ends early once every state topic was heard
        };
        var events = new EventRecorder<ConnectionEvent>();
        sink.ConnectionChanged += events.Add;
        using var feed = new LightFeed(options.Lights);
        feed.Publish([Streamed], 1);
        using (var stop = new CancellationTokenSource())
        {
            var run = sink.RunAsync(feed, stop.Token);
            await events.WaitForAsync(ConnectionEvent.Connected);
            await subscriber.NextMatchingAsync(m => m.Topic == streamTopic && !m.Retain);
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        subscriber.Drain();
        await sink.RestoreAsync(CancellationToken.None);
        await subscriber.PublishAsync("test/marker", "end");
        var restored = new List<ReceivedMessage>();
        while (await subscriber.NextAsync() is var message && message.Topic != "test/marker")
        {
            restored.Add(message);
        }

        return restored;
    }
}
