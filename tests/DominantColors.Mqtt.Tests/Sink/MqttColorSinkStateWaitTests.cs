using DominantColors.Colors;
using DominantColors.Mqtt.Connection;
using DominantColors.Mqtt.Sink;
using DominantColors.Mqtt.Tests.Fakes;
using DominantColors.Mqtt.Tests.Presets;
using DominantColors.Outputs;
using DominantColors.Testing.Mqtt;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Mqtt.Tests.Sink;

/// <summary>How long the first color waits for the devices' state, against mosquitto, on fake time that moves only when told.</summary>
public sealed class MqttColorSinkStateWaitTests
{
    private static readonly Rgb24 Streamed = new(10, 200, 30);

    [Fact]
    public async Task RunAsync_EveryLightAnswers_SendsTheFirstColorWithoutWaitingOut()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        const string State = """{"state":"OFF"}""";
        await using var left = await FakeMqttDevice.StartAsync(broker.Port, new Dictionary<string, string>(), "zigbee2mqtt/left/get", "zigbee2mqtt/left", State);
        await using var right = await FakeMqttDevice.StartAsync(broker.Port, new Dictionary<string, string>(), "zigbee2mqtt/right/get", "zigbee2mqtt/right", State);
        await using var subscriber = await RecordingSubscriber.ConnectAsync(broker.Port);
        var options = Options(broker, "zigbee2mqtt");
        options.Lights = ["left", "right"];
        using var feed = new LightFeed(options.Lights);
        feed.Publish([Streamed, Streamed], 1);

        // Fake time that never moves: the first color can only go out because both lights were heard.
        await using var sink = new MqttColorSink(options, new FakeTimeProvider(), NullLogger.Instance, TimeSpan.FromSeconds(1)) { StateWait = TimeSpan.FromHours(1) };
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);
        await subscriber.NextMatchingAsync(m => m.Topic == "zigbee2mqtt/left/set");

        Assert.Equal((1, 1), (left.Requests, right.Requests));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task RestoreAsync_StateHeardAfterTheWaitButBeforeTheFirstColor_IsRestored()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var subscriber = await RecordingSubscriber.ConnectAsync(broker.Port);
        var time = new FakeTimeProvider();
        await using var sink = new MqttColorSink(Options(broker, "wled"), time, NullLogger.Instance, TimeSpan.FromSeconds(1)) { StateWait = TimeSpan.FromSeconds(1) };
        var heard = new EventRecorder<string>();
        sink.StateHeard += heard.Add;
        var events = new EventRecorder<ConnectionEvent>();
        sink.ConnectionChanged += events.Add;
        using var feed = new LightFeed(["tv"]);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);
        await events.WaitForAsync(ConnectionEvent.Connected);

        // The wait is long over and no color has gone out (the source is slow): WLED's state, published on a change
        // (WLED's mqtt.cpp publishes <topic>/c and /g whenever its state changes), is still taken.
        time.Advance(TimeSpan.FromSeconds(5));
        await subscriber.PublishAsync("wled/tv/c", "#112233");
        await subscriber.PublishAsync("wled/tv/g", "77");
        await heard.WaitForAsync("wled/tv/c");
        await heard.WaitForAsync("wled/tv/g");
        feed.Publish([Streamed], 2);
        await subscriber.NextMatchingAsync(m => m.Topic == "wled/tv/col" && m.Payload == "#0AC81E");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        subscriber.Drain();

        await sink.RestoreAsync(CancellationToken.None);

        // The stream's own follow-up ("ON" on wled/tv, which brings WLED's brightness back after a color) can still be
        // on its way; what the restore sent is the recorded color, then the recorded brightness.
        var restored = (await UntilMarkerAsync(subscriber)).Where(m => m.Payload is "#112233" or "77");
        Assert.Equal([new ReceivedMessage("wled/tv/col", "#112233", false), new ReceivedMessage("wled/tv", "77", false)], restored);
    }

    [Fact]
    public async Task RestoreAsync_StateOnlyAfterTheFirstColor_IsNotTakenForTheDevicesOwn()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var subscriber = await RecordingSubscriber.ConnectAsync(broker.Port);
        var time = new FakeTimeProvider();
        await using var sink = new MqttColorSink(Options(broker, "wled"), time, NullLogger.Instance, TimeSpan.FromSeconds(1)) { StateWait = TimeSpan.FromSeconds(1) };
        var events = new EventRecorder<ConnectionEvent>();
        sink.ConnectionChanged += events.Add;
        using var feed = new LightFeed(["tv"]);
        feed.Publish([Streamed], 1);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);
        await events.WaitForAsync(ConnectionEvent.Connected);

        await AdvanceUntilAsync(time, subscriber.NextMatchingAsync(m => m.Topic == "wled/tv/col"));

        // WLED echoes the color it now shows: that is ours, not the state to put back.
        await subscriber.PublishAsync("wled/tv/c", "#0AC81E");
        await subscriber.PublishAsync("wled/tv/g", "255");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        await sink.RestoreAsync(CancellationToken.None);
        var after = await UntilMarkerAsync(subscriber);

        // The restore sent nothing: the echo would have come back as this color and brightness. (The stream's own
        // follow-up "ON" on wled/tv, which brings WLED's brightness back after a color, may pass by.)
        Assert.DoesNotContain(after, m => m.Topic == "wled/tv/col" || (m.Topic == "wled/tv" && m.Payload == "255"));
    }

    [Fact]
    public async Task RunAsync_ProtocolWithoutStateRequestAndNothingRetained_WaitsOnlyForRetainedState()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var subscriber = await RecordingSubscriber.ConnectAsync(broker.Port);
        var time = new FakeTimeProvider();

        // WLED has no state request (its mqtt.cpp publishes <topic>/c and /g only when its state changes), so only a
        // retained state could be heard, and that comes with the subscription: the long wait is not for it.
        await using var sink = new MqttColorSink(Options(broker, "wled"), time, NullLogger.Instance, TimeSpan.FromSeconds(1)) { StateWait = TimeSpan.FromHours(1) };
        var events = new EventRecorder<ConnectionEvent>();
        sink.ConnectionChanged += events.Add;
        using var feed = new LightFeed(["tv"]);
        feed.Publish([Streamed], 1);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);
        await events.WaitForAsync(ConnectionEvent.Connected);

        var steps = await AdvanceUntilAsync(time, subscriber.NextMatchingAsync(m => m.Topic == "wled/tv/col"), MqttColorSink.RetainedStateWait);

        // One wait of 250 ms, plus the steps taken (50 ms of real time apart) before the sink had subscribed; the hour of
        // StateWait would have taken 14,400 of them.
        Assert.InRange(steps, 1, 40);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    /// <summary>
    /// What the subscriber receives up to a marker it publishes now: everything published before this call has come by
    /// then (the broker keeps each client's messages in order).
    /// </summary>
    private static async Task<List<ReceivedMessage>> UntilMarkerAsync(RecordingSubscriber subscriber)
    {
        await subscriber.PublishAsync("test/marker", "end");
        var received = new List<ReceivedMessage>();
        while (await subscriber.NextAsync() is var message && message.Topic != "test/marker")
        {
            received.Add(message);
        }

        return received;
    }

    /// <summary>
    /// Moves fake time on a second (or <paramref name="step"/>) at a time until <paramref name="until"/> is done, and says how many steps it took. The sink dates its state wait from
    /// the clock once it has subscribed, which can come after the connect event the test saw: a single step taken
    /// before that would leave the wait pending on a clock that never moves again.
    /// </summary>
    private static async Task<int> AdvanceUntilAsync(FakeTimeProvider time, Task until, TimeSpan? step = null)
    {
        var steps = 0;
        while (!until.IsCompleted && steps < 100)
        {
            time.Advance(step ?? TimeSpan.FromSeconds(1));
            steps++;
            await Task.WhenAny(until, Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System));
        }

        await until;
        return steps;
    }

    private static MqttSinkOptions Options(MosquittoBroker broker, string preset)
    {
        var options = PresetWriterTests.Options(preset);
        options.Connection.Broker = "127.0.0.1";
        options.Connection.Port = broker.Port;
        return options;
    }
}
