using System.Text.Json.Nodes;
using DominantColors.Colors;
using DominantColors.Mqtt.Connection;
using DominantColors.Mqtt.HomeAssistant;
using DominantColors.Mqtt.Tests.Fakes;
using DominantColors.Testing.Mqtt;
using Microsoft.Extensions.Logging.Abstractions;

namespace DominantColors.Mqtt.Tests.HomeAssistant;

#pragma warning disable CA1001 // Disposed in IAsyncLifetime.DisposeAsync, which xunit calls.
public sealed class HomeAssistantBridgeTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly RecordingAmbientControl _control = new();
    private readonly EventRecorder<ConnectionEvent> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private InProcessBroker _broker = null!;
    private HomeAssistantBridge _bridge = null!;
    private Task _run = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _broker = await InProcessBroker.StartAsync();
        var options = new HomeAssistantOptions { NodeId = "tv_ambi" };
        options.Connection.Broker = "127.0.0.1";
        options.Connection.Port = _broker.Port;
        _bridge = new HomeAssistantBridge(options, _control, TimeProvider.System, NullLogger.Instance, TimeSpan.FromMilliseconds(50));
        _bridge.ConnectionChanged += _events.Add;
        _bridge.Report(new AmbientState(true, 1.0, SmoothingLevel.Moderate, new Rgb24(255, 136, 0), 29.97));
        _run = _bridge.RunAsync(_stop.Token);
        await _events.WaitForAsync(ConnectionEvent.Connected);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _run);
        await _bridge.DisposeAsync();
        await _broker.DisposeAsync();
        _stop.Dispose();
    }

    [Fact]
    public async Task RunAsync_Connected_LeavesRetainedDiscoveryForEveryEntity()
    {
        await using var ha = await RecordingSubscriber.ConnectAsync(_broker.Port, "homeassistant/#");

        var configs = new Dictionary<string, JsonNode>();
        for (var i = 0; i < 4; i++)
        {
            var message = await ha.NextAsync();
            Assert.True(message.Retain);
            Assert.Empty(HomeAssistantDiscoveryRules.Check(message.Topic, message.Payload));
            configs[message.Topic] = JsonNode.Parse(message.Payload)!;
        }

        Assert.Equal(
            ["homeassistant/light/tv_ambi/ambient/config", "homeassistant/select/tv_ambi/smoothing/config", "homeassistant/sensor/tv_ambi/dominant_color/config", "homeassistant/sensor/tv_ambi/fps/config"],
            configs.Keys.Order(StringComparer.Ordinal));
        var light = configs["homeassistant/light/tv_ambi/ambient/config"];
        Assert.Equal("json", (string?)light["schema"]);
        Assert.Equal("dominant-colors/tv_ambi/light/set", (string?)light["cmd_t"]);
        Assert.Equal("tv_ambi_ambient", (string?)light["uniq_id"]);
        Assert.Equal("light.tv_ambi_ambient", (string?)light["def_ent_id"]);
        Assert.Equal("dominant-colors/tv_ambi/availability", (string?)light["avty_t"]);
        Assert.Equal("tv_ambi", (string?)light["dev"]!["ids"]![0]);
        Assert.Equal("""["none","subtle","moderate","high","intense"]""", configs["homeassistant/select/tv_ambi/smoothing/config"]["options"]!.ToJsonString());
        Assert.Equal("{{ value_json.fps }}", (string?)configs["homeassistant/sensor/tv_ambi/fps/config"]["val_tpl"]);
    }

    [Fact]
    public async Task RunAsync_Connected_PublishesOnlineAndTheReportedState()
    {
        await using var ha = await RecordingSubscriber.ConnectAsync(_broker.Port, "dominant-colors/#");

        // Until each of the four topics was heard: a subscription made while the bridge publishes can see a topic
        // twice (the retained copy, then the live one), so a count of four messages is not four topics.
        var seen = new Dictionary<string, string>();
        for (var i = 0; i < 16 && seen.Count < 4; i++)
        {
            var message = await ha.NextAsync();
            seen[message.Topic] = message.Payload;
        }

        Assert.Equal("online", seen["dominant-colors/tv_ambi/availability"]);
        Assert.Equal("""{"state":"ON","color_mode":"brightness","brightness":255}""", seen["dominant-colors/tv_ambi/light"]);
        Assert.Equal("moderate", seen["dominant-colors/tv_ambi/smoothing"]);
        Assert.Equal("""{"color":"#ff8800","fps":30.0}""", seen["dominant-colors/tv_ambi/stats"]);
    }

    [Fact]
    public void ClientOptions_LastWill_IsOfflineRetainedOnTheAvailabilityTopic()
    {
        Assert.Equal("dominant-colors/tv_ambi/availability", _bridge.ClientOptions.WillTopic);
        Assert.Equal("offline"u8.ToArray(), _bridge.ClientOptions.WillPayload);
        Assert.True(_bridge.ClientOptions.WillRetain);
    }

    [Fact]
    public async Task LightCommand_OnWithBrightness_SetsBothAndEchoesTheState()
    {
        await using var ha = await RecordingSubscriber.ConnectAsync(_broker.Port, "dominant-colors/tv_ambi/light");
        await ha.NextAsync();

        await ha.PublishAsync("dominant-colors/tv_ambi/light/set", """{"state":"ON","brightness":128}""");

        Assert.Equal("brightness=0.502", await _control.NextAsync());
        Assert.Equal("enabled=True", await _control.NextAsync());
        Assert.Equal("""{"state":"ON","color_mode":"brightness","brightness":128}""", (await ha.NextAsync()).Payload);
    }

    [Fact]
    public async Task Commands_Malformed_AreIgnoredAndTheBridgeKeepsWorking()
    {
        await using var ha = await RecordingSubscriber.ConnectAsync(_broker.Port, "nothing/#");
        string[] badLight = ["not json", "[1,2]", """{"state":"MAYBE"}""", """{"brightness":128}""", """{"state":"ON","brightness":999}""", """{"state":"ON","brightness":"full"}""", """{"state":"ON",""", string.Empty];
        foreach (var payload in badLight)
        {
            await ha.PublishAsync("dominant-colors/tv_ambi/light/set", payload);
        }

        await ha.PublishAsync("dominant-colors/tv_ambi/smoothing/set", "turbo");
        await ha.PublishAsync("dominant-colors/tv_ambi/smoothing/set", "HIGH");
        await ha.PublishAsync("dominant-colors/tv_ambi/smoothing/set", "high");

        Assert.Equal("smoothing=High", await _control.NextAsync());
        await ha.PublishAsync("dominant-colors/tv_ambi/light/set", """{"state":"OFF"}""");
        Assert.Equal("enabled=False", await _control.NextAsync());
    }

    [Fact]
    public async Task RunAsync_Stopped_PublishesOfflineRetained()
    {
        await _stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _run);

        await using var ha = await RecordingSubscriber.ConnectAsync(_broker.Port, "dominant-colors/tv_ambi/availability");

        Assert.Equal(new ReceivedMessage("dominant-colors/tv_ambi/availability", "offline", true), await ha.NextAsync());
    }
}
