using System.Diagnostics.Metrics;
using DominantColors.Colors;
using DominantColors.Control;
using DominantColors.HomeAssistant;
using DominantColors.Mqtt;
using DominantColors.Pipeline;
using DominantColors.Smoothing;
using DominantColors.Testing.Mqtt;
using DominantColors.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Tests.HomeAssistant;

#pragma warning disable CA1001 // Disposed in IAsyncLifetime.DisposeAsync, which xunit calls.
public sealed class HomeAssistantServiceTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Base = "dominant-colors/tv";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly AmbientSettings _settings = new();
    private readonly FakeTimeProvider _time = new();
    private readonly FakeLogCollector _logs = new();
    private readonly OutputStates _outputs = new();
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private PipelineMetrics _metrics = null!;
    private InProcessBroker _broker = null!;
    private MqttTestClient _ha = null!;
    private ILoggerFactory _loggerFactory = null!;
    private HomeAssistantService _service = null!;

    public async Task InitializeAsync()
    {
        _metrics = new PipelineMetrics(_meters.GetRequiredService<IMeterFactory>(), _time);
        _broker = await InProcessBroker.StartAsync();
        _ha = await MqttTestClient.ConnectAsync(_broker.Port, "#");
        var section = new HomeAssistantSection { Enabled = true, Broker = "127.0.0.1", Port = _broker.Port, NodeId = "tv", ReportInterval = 1 };
#pragma warning disable CA2000 // The factory owns the provider and is disposed in DisposeAsync.
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(_logs)));
#pragma warning restore CA2000
        _service = new HomeAssistantService(
            Microsoft.Extensions.Options.Options.Create(section), _settings, _metrics, _time, _loggerFactory, TimeSpan.FromMilliseconds(50), _outputs);
        await _service.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _service.StopAsync(CancellationToken.None);
        _service.Dispose();
        await _ha.DisposeAsync();
        await _broker.DisposeAsync();
        _loggerFactory.Dispose();
        await _meters.DisposeAsync();
    }

    [Fact]
    public async Task ExecuteAsync_Enabled_PublishesOnlineAndRetainedDiscovery()
    {
        var online = await _ha.NextAsync($"{Base}/availability");
        var light = await _ha.NextAsync("homeassistant/light/tv/ambient/config");
        var select = await _ha.NextAsync("homeassistant/select/tv/smoothing/config");

        Assert.Equal("online", online.Payload);
        Assert.Contains($"\"cmd_t\":\"{Base}/light/set\"", light.Payload, StringComparison.Ordinal);
        Assert.Contains($"\"cmd_t\":\"{Base}/smoothing/set\"", select.Payload, StringComparison.Ordinal);

        // Home Assistant started later still finds the device: the configs are retained.
        await using var late = await MqttTestClient.ConnectAsync(_broker.Port, "homeassistant/#");
        var retained = await late.NextAsync("homeassistant/light/tv/ambient/config");
        Assert.True(retained.Retain);
    }

    [Fact]
    public async Task ExecuteAsync_Connected_ListsTheBridgeAmongTheOutputsAsConnected()
    {
        // The first state goes out while connecting; a change published later comes from the running bridge.
        await ConnectedAsync();
        _settings.Intensity = SmoothingPreset.High;
        await _ha.NextAsync($"{Base}/smoothing", p => p == "high");

        var output = Assert.Single(_outputs.All);
        Assert.Equal("homeassistant", output.Name);
        Assert.True(output.Status.Connected);
    }

    [Fact]
    public async Task Command_Off_SwitchesAmbientLightOff()
    {
        await ConnectedAsync();

        var changed = NextChange();
        await _ha.PublishAsync($"{Base}/light/set", """{"state":"OFF"}""");
        await changed;

        Assert.False(_settings.Enabled);
    }

    [Fact]
    public async Task Command_OnWithBrightness_SetsBoth()
    {
        await ConnectedAsync();
        _settings.Enabled = false;

        var changed = NextChange(() => _settings.Enabled && _settings.Brightness < 1);
        await _ha.PublishAsync($"{Base}/light/set", """{"state":"ON","brightness":51}""");
        await changed;

        Assert.True(_settings.Enabled);
        Assert.Equal(0.2, _settings.Brightness, 3);
    }

    [Fact]
    public async Task Command_Smoothing_SetsIntensity()
    {
        await ConnectedAsync();

        var changed = NextChange();
        await _ha.PublishAsync($"{Base}/smoothing/set", "intense");
        await changed;

        Assert.Equal(SmoothingPreset.Intense, _settings.Intensity);
    }

    [Fact]
    public async Task Command_Malformed_IsLoggedAndIgnored()
    {
        await ConnectedAsync();
        var before = _settings.Version;

        // Commands are handled in order, so once the valid one has landed the malformed ones have been seen.
        var changed = NextChange();
        await _ha.PublishAsync($"{Base}/light/set", "{\"state\":\"MAYBE\"}");
        await _ha.PublishAsync($"{Base}/smoothing/set", "turbo");
        await _ha.PublishAsync($"{Base}/light/set", "not json");
        await _ha.PublishAsync($"{Base}/smoothing/set", "subtle");
        await changed;

        Assert.Equal(before + 1, _settings.Version);
        Assert.True(_settings.Enabled);
        Assert.Equal(SmoothingPreset.Subtle, _settings.Intensity);
        var ignored = _logs.GetSnapshot().Where(r => r.Id.Id == MqttEventIds.CommandIgnored).ToList();
        Assert.Equal(3, ignored.Count);
        Assert.All(ignored, r => Assert.Equal(LogLevel.Warning, r.Level));
    }

    [Fact]
    public async Task Command_BinaryOversizedOrDeeplyNested_EachLoggedOnceAndNothingChanges()
    {
        await ConnectedAsync();
        var before = (_settings.Version, _settings.Enabled, _settings.Brightness, _settings.Intensity);
        byte[][] light =
        [
            [0xFF, 0xFE, 0x00, 0x7B],
            "{\"state\":\""u8.ToArray().Concat(new byte[] { 0xC3, 0x28 }).Concat("\"}"u8.ToArray()).ToArray(),
            System.Text.Encoding.UTF8.GetBytes(new string('[', 5000)),
            System.Text.Encoding.UTF8.GetBytes("{\"state\":\"ON\",\"pad\":\"" + new string('x', 5000) + "\"}"),
            System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100)),
        ];
        byte[][] smoothing = [[0xC3, 0x28], [], System.Text.Encoding.UTF8.GetBytes(new string('a', 5000))];

        // Commands are handled in order: once the last valid one has landed, every malformed one has been seen.
        var changed = NextChange();
        foreach (var payload in light)
        {
            await _ha.PublishAsync($"{Base}/light/set", payload);
        }

        foreach (var payload in smoothing)
        {
            await _ha.PublishAsync($"{Base}/smoothing/set", payload);
        }

        Assert.Equal(before, (_settings.Version, _settings.Enabled, _settings.Brightness, _settings.Intensity));
        await _ha.PublishAsync($"{Base}/smoothing/set", "subtle");
        await changed;

        Assert.Equal(before.Version + 1, _settings.Version);
        Assert.Equal((before.Enabled, before.Brightness), (_settings.Enabled, _settings.Brightness));
        var ignored = _logs.GetSnapshot().Where(r => r.Id.Id == MqttEventIds.CommandIgnored).ToList();
        Assert.Equal(light.Length + smoothing.Length, ignored.Count);
        Assert.All(ignored, r => Assert.Matches("^Home Assistant: ignored command on dominant-colors/tv/(light|smoothing)/set: .{6,}", r.Message));
        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Id.Id == MqttEventIds.CommandFailed);
    }

    [Fact]
    public async Task SettingsChangedElsewhere_IsPublishedAsState()
    {
        await ConnectedAsync();

        _settings.Intensity = SmoothingPreset.High;
        var smoothing = await _ha.NextAsync($"{Base}/smoothing", p => p == "high");
        _settings.Enabled = false;
        var light = await _ha.NextAsync($"{Base}/light", p => p.Contains("OFF", StringComparison.Ordinal));

        Assert.Equal("high", smoothing.Payload);
        Assert.Equal("""{"state":"OFF"}""", light.Payload);
    }

    [Fact]
    public async Task ReportInterval_Elapsed_PublishesFrameRateAndPictureDominantColor()
    {
        await ConnectedAsync();

        for (var i = 0; i < 30; i++)
        {
            _metrics.RecordFrame(_time.GetTimestamp(), _time.GetTimestamp());
        }

        _metrics.RecordFirstLight(new Rgb24(0, 0, 255));
        _metrics.RecordPictureDominant(new Rgb24(255, 136, 0));
        _time.Advance(TimeSpan.FromSeconds(1));

        var stats = await _ha.NextAsync($"{Base}/stats", p => p.Contains("30.0", StringComparison.Ordinal));
        Assert.Equal("""{"color":"#ff8800","fps":30.0}""", stats.Payload);
    }

    /// <summary>The bridge has subscribed to its commands once it publishes state (it does so after subscribing).</summary>
    private async Task ConnectedAsync() => await _ha.NextAsync($"{Base}/light");

    private Task NextChange(Func<bool>? done = null)
    {
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(object? sender, EventArgs e)
        {
            if (done is null || done())
            {
                _settings.Changed -= OnChanged;
                changed.TrySetResult();
            }
        }

        _settings.Changed += OnChanged;
        return changed.Task.WaitAsync(Timeout);
    }
}
