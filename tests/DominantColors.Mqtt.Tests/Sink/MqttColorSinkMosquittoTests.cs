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

/// <summary>The sink against a real mosquitto: outages, reconnects and TLS.</summary>
public sealed class MqttColorSinkMosquittoTests
{
    [Fact]
    public async Task RunAsync_BrokerRestarted_ReconnectsAndSendsOnlyTheLatestColor()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var time = new FakeTimeProvider();
        var options = Options(broker.Port);
        await using var sink = new MqttColorSink(options, time, NullLogger.Instance, TimeSpan.FromSeconds(1))
        {
            StateWait = TimeSpan.Zero, // on fake time the wait for (unretained) WLED state would never end
        };
        var events = new EventRecorder<ConnectionEvent>();
        sink.ConnectionChanged += events.Add;
        using var feed = new LightFeed(options.Lights);
        using var stop = new CancellationTokenSource();
        var subscriber = await RecordingSubscriber.ConnectAsync(broker.Port);
        var run = sink.RunAsync(feed, stop.Token);
        await events.WaitForAsync(ConnectionEvent.Connected);
        feed.Publish([new Rgb24(255, 0, 0)], 1);
        Assert.Equal("#FF0000", (await subscriber.NextAsync()).Payload);

        await subscriber.DisposeAsync();
        await broker.StopAsync();
        await events.WaitForAsync(ConnectionEvent.Lost);
        await events.WaitForAsync(ConnectionEvent.ConnectFailed);
        Assert.False(sink.Status.Connected);
        Assert.Equal(2, sink.Status.Faults);
        Assert.StartsWith($"cannot connect to 127.0.0.1:{broker.Port}", sink.Status.LastError, StringComparison.Ordinal);
        // Colors during the outage are neither sent nor queued: after the reconnect exactly one message, the latest,
        // reaches the broker (the heap over a long outage is measured in MqttSinkMeasurements, not asserted here).
        var publishedBeforeOutage = sink.PublishedCount;
        for (var i = 0; i < 300; i++)
        {
            feed.Publish([new Rgb24((byte)i, 10, 200)], 2 + i);
        }

        Assert.Equal(publishedBeforeOutage, sink.PublishedCount);

        var publishedAgain = new EventRecorder<int>();
        sink.ColorPublished = publishedAgain.Add;
        await broker.StartAgainAsync();
        await using var again = await RecordingSubscriber.ConnectAsync(broker.Port);
        time.Advance(TimeSpan.FromSeconds(2));
        await events.WaitForAsync(ConnectionEvent.Connected);
        var latest = await again.NextAsync();

        Assert.Equal("wled/tv/col", latest.Topic);
        Assert.Equal("#2B0AC8", latest.Payload);

        // WLED may have been switched off while the broker was away: the first color after a connect switches it on.
        Assert.Equal(new ReceivedMessage("wled/tv", "ON", false), await again.NextAsync());

        // The subscriber can hear the follow-up before the sink has counted it: the sink raises this once it has.
        await publishedAgain.WaitForAsync(0);
        Assert.Equal(publishedBeforeOutage + 2, sink.PublishedCount);
        Assert.True(sink.Status.Connected);
        Assert.Equal(1, sink.Status.Reconnects);
        Assert.Equal(2, sink.Status.Sent);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Empty(again.Drain());
    }

    [Fact]
    public async Task RunAsync_TlsVerifiedAgainstTheCa_Publishes()
    {
        using var certificates = new TestCertificates();
        await using var broker = await MosquittoBroker.StartAsync(certificates);
        await using var subscriber = await RecordingSubscriber.ConnectAsync(broker.Port);
        var options = Options(broker.TlsPort);
        options.Connection.Tls = new MqttTlsOptions { CaFile = certificates.CaFile };
        await using var sink = new MqttColorSink(options, TimeProvider.System, NullLogger<MqttColorSink>.Instance)
        {
            StateWait = TimeSpan.Zero, // no device answers; the full wait for its state would only delay the first color
        };
        using var feed = new LightFeed(options.Lights);
        using var stop = new CancellationTokenSource();

        var run = sink.RunAsync(feed, stop.Token);
        feed.Publish([new Rgb24(1, 2, 3)], 1);

        Assert.Equal(new ReceivedMessage("wled/tv/col", "#010203", false), await subscriber.NextAsync());
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task ConnectAsync_BrokerSignedByAnotherCa_IsRefusedNamingTheCaFile()
    {
        using var brokerCertificates = new TestCertificates();
        using var otherCertificates = new TestCertificates();
        await using var broker = await MosquittoBroker.StartAsync(brokerCertificates);
        var options = Options(broker.TlsPort);
        options.Connection.Tls = new MqttTlsOptions { CaFile = otherCertificates.CaFile };
        await using var sink = new MqttColorSink(options, TimeProvider.System, NullLogger<MqttColorSink>.Instance);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => sink.ConnectAsync(CancellationToken.None));
        Assert.False(sink.IsConnected);
        Assert.Equal(
            $"TLS to MQTT broker 127.0.0.1:{broker.TlsPort} refused: its certificate is not signed by the CA in tls.caFile '{otherCertificates.CaFile}', or does not name '127.0.0.1' (tls.serverName)",
            error.Message);
    }

    private static MqttSinkOptions Options(int port)
    {
        var options = PresetWriterTests.Options("wled");
        options.Connection.Broker = "127.0.0.1";
        options.Connection.Port = port;
        options.MaxRate = 100;
        return options;
    }
}
