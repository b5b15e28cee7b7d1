using DominantColors.Colors;
using DominantColors.Mqtt.Sink;
using DominantColors.Mqtt.Tests.Fakes;
using DominantColors.Mqtt.Tests.Presets;
using DominantColors.Outputs;
using DominantColors.Testing.Mqtt;
using Microsoft.Extensions.Logging.Abstractions;

namespace DominantColors.Mqtt.Tests.Sink;

/// <summary>The sink against MQTTnet's in-process broker: what reaches a subscriber, exactly.</summary>
public sealed class MqttColorSinkTests
{
    [Theory]
    [MemberData(nameof(PresetWriterTests.ExactCommands), MemberType = typeof(PresetWriterTests))]
    public async Task RunAsync_EachPreset_SubscriberGetsTheExactTopicAndPayload(string preset, byte r, byte g, byte b, string topic, string payload)
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var subscriber = await RecordingSubscriber.ConnectAsync(broker.Port);
        var options = PresetWriterTests.Options(preset);
        options.Connection.Broker = "127.0.0.1";
        options.Connection.Port = broker.Port;
        await using var sink = NoRestore(options);
        using var feed = new LightFeed(options.Lights);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);

        feed.Publish([new Rgb24(r, g, b)], 1);
        var message = await subscriber.NextMatchingAsync(m => m.Topic == topic);

        Assert.Equal(payload, message.Payload);
        Assert.False(message.Retain);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task RunAsync_InvisibleThenVisibleChange_SendsOnlyTheVisibleOne()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var subscriber = await RecordingSubscriber.ConnectAsync(broker.Port, "wled/tv/col");
        var options = PresetWriterTests.Options("wled");
        options.Connection.Broker = "127.0.0.1";
        options.Connection.Port = broker.Port;
        options.MaxRate = 100;
        await using var sink = NoRestore(options);
        using var feed = new LightFeed(options.Lights);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);

        feed.Publish([new Rgb24(200, 100, 50)], 1);
        Assert.Equal("#C86432", (await subscriber.NextAsync()).Payload);
        feed.Publish([new Rgb24(201, 100, 50)], 2);
        feed.Publish([new Rgb24(200, 101, 50)], 3);
        feed.Publish([new Rgb24(0, 0, 200)], 4);

        Assert.Equal("#0000C8", (await subscriber.NextAsync()).Payload);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Empty(subscriber.Drain());
    }

    [Fact]
    public async Task RunAsync_WledColorBlackColor_WledGoesOnOffAndOnAgain()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var wled = await FakeWledMqtt.StartAsync(broker.Port, "wled/tv");
        var options = PresetWriterTests.Options("wled");
        options.Connection.Broker = "127.0.0.1";
        options.Connection.Port = broker.Port;
        options.MaxRate = 100;
        await using var sink = NoRestore(options);
        using var feed = new LightFeed(options.Lights);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);

        feed.Publish([new Rgb24(200, 0, 0)], 1);
        await wled.WaitUntilAsync(s => s == (true, new Rgb24(200, 0, 0)));
        feed.Publish([Rgb24.Black], 2);
        await wled.WaitUntilAsync(s => !s.On);
        feed.Publish([new Rgb24(0, 90, 0)], 3);
        await wled.WaitUntilAsync(s => s == (true, new Rgb24(0, 90, 0)));

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal((true, new Rgb24(0, 90, 0)), wled.State);
    }

    [Fact]
    public async Task Constructor_TwoSinksOneConfig_GetDistinctClientIds()
    {
        var options = PresetWriterTests.Options("wled");
        options.Connection.Broker = "127.0.0.1";
        await using var first = new MqttColorSink(options, TimeProvider.System, NullLogger<MqttColorSink>.Instance);
        await using var second = new MqttColorSink(options, TimeProvider.System, NullLogger<MqttColorSink>.Instance);

        Assert.NotEqual(first.ClientId, second.ClientId);
        Assert.StartsWith("dominant-colors-", first.ClientId, StringComparison.Ordinal);
    }

    /// <summary>
    /// A sink that sends its first color at once. No device answers here, so the wait for their state would run its
    /// full 2 s in every test; hearing state before the first color is MqttColorSinkRestoreTests' subject, per preset.
    /// </summary>
    private static MqttColorSink NoRestore(MqttSinkOptions options) =>
        new(options, TimeProvider.System, NullLogger<MqttColorSink>.Instance) { StateWait = TimeSpan.Zero };
}
