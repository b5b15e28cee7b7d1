using System.Globalization;
using DominantColors.Mqtt.Connection;
using DominantColors.Outputs;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace DominantColors.Mqtt.HomeAssistant;

/// <summary>
/// Makes the daemon a Home Assistant device over MQTT: retained discovery configs, availability with a last will
/// (<c>offline</c>, retained), state topics, and commands for on/off, brightness and smoothing. Commands are checked
/// first: a malformed payload is logged and ignored, never thrown. Reconnects with backoff and publishes
/// everything again after a reconnect or when Home Assistant announces itself on its status topic.
/// </summary>
public sealed partial class HomeAssistantBridge : IAsyncDisposable
{
    private readonly HomeAssistantDiscovery _discovery;
    private readonly IAmbientControl _control;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HomeAssistantOptions _options;
    private readonly TimeSpan _firstRetry;
    private readonly IMqttClient _client;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly Lock _gate = new();
    private AmbientState? _state;
    private volatile bool _republishConfigs;
    private readonly ConnectionLostSignal _connectionLost = new();

    public HomeAssistantBridge(HomeAssistantOptions options, IAmbientControl control, TimeProvider time, ILogger<HomeAssistantBridge> logger)
        : this(options, control, time, logger, TimeSpan.FromSeconds(1))
    {
    }

    /// <summary>For tests: <paramref name="firstRetry"/> is the first reconnect delay.</summary>
    public HomeAssistantBridge(HomeAssistantOptions options, IAmbientControl control, TimeProvider time, ILogger logger, TimeSpan firstRetry)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _control = control;
        _time = time;
        _logger = logger;
        _firstRetry = firstRetry;
        _discovery = new HomeAssistantDiscovery(options);
        ClientOptions = MqttClientOptionsFactory.Create(
            options.Connection,
            options.Connection.ClientId ?? MqttClientIds.Create("homeassistant"),
            new LastWill(_discovery.AvailabilityTopic, "offline"));
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.DisconnectedAsync += _connectionLost.OnDisconnectedAsync;
    }

    internal event Action<ConnectionEvent>? ConnectionChanged;

    /// <summary>The connection to the broker as the daemon's status page, <c>/healthz</c> and output meters show it.</summary>
    public SinkStatus Status { get; } = new();

    internal MqttClientOptions ClientOptions { get; }

    internal HomeAssistantDiscovery Discovery => _discovery;

    /// <summary>The daemon's latest state; published (retained) as soon as the connection allows. Latest wins.</summary>
    public void Report(AmbientState state)
    {
        lock (_gate)
        {
            _state = state;
        }

        Signal();
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var loop = MqttReconnectLoop.Create("homeassistant", _options.Connection, new(_time, _firstRetry, _logger, Status, e => ConnectionChanged?.Invoke(e)),
            ConnectAsync, PumpAsync);
        try
        {
            await loop.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await SayGoodbyeAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.ApplicationMessageReceivedAsync -= OnMessageAsync;
        _client.DisconnectedAsync -= _connectionLost.OnDisconnectedAsync;
        _client.Dispose();
        _connectionLost.Dispose();
        _signal.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        _connectionLost.Renew();
        await MqttConnector.ConnectAsync(_client, ClientOptions, _options.Connection, cancellationToken).ConfigureAwait(false);
        await PublishAsync(_discovery.AvailabilityTopic, "online", cancellationToken).ConfigureAwait(false);
        await PublishConfigsAsync(cancellationToken).ConfigureAwait(false);
        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(_discovery.LightCommandTopic)
            .WithTopicFilter(_discovery.SmoothingCommandTopic)
            .WithTopicFilter(_discovery.BirthTopic)
            .Build();
        await _client.SubscribeAsync(subscribe, cancellationToken).ConfigureAwait(false);
        await PublishStateAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        var lost = _connectionLost.Token;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(lost, cancellationToken);
        while (true)
        {
            await _signal.WaitAsync(linked.Token).ConfigureAwait(false);
            if (_republishConfigs)
            {
                _republishConfigs = false;
                await PublishConfigsAsync(cancellationToken).ConfigureAwait(false);
            }

            await PublishStateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PublishConfigsAsync(CancellationToken cancellationToken)
    {
        foreach (var (topic, payload) in _discovery.Configs())
        {
            await PublishAsync(topic, payload, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PublishStateAsync(CancellationToken cancellationToken)
    {
        AmbientState? current;
        lock (_gate)
        {
            current = _state;
        }

        if (current is not { } state)
        {
            return;
        }

        var brightness = (int)Math.Round(state.Brightness * 255);
        var light = state.Enabled
            ? string.Create(CultureInfo.InvariantCulture, $$"""{"state":"ON","color_mode":"brightness","brightness":{{brightness}}}""")
            : """{"state":"OFF"}""";
        await PublishAsync(_discovery.LightStateTopic, light, cancellationToken).ConfigureAwait(false);
        await PublishAsync(_discovery.SmoothingStateTopic, HomeAssistantDiscovery.SmoothingOptions[(int)state.Smoothing], cancellationToken).ConfigureAwait(false);
        var stats = string.Create(CultureInfo.InvariantCulture, $$"""{"color":"{{state.DominantColor.ToHex()}}","fps":{{state.FramesPerSecond:0.0}}}""");
        await PublishAsync(_discovery.StatsTopic, stats, cancellationToken).ConfigureAwait(false);
        Status.ReportSent();
    }

    /// <summary>Retained, QoS 1: Home Assistant must find the device's configs and state whenever it subscribes.</summary>
    private Task<MqttClientPublishResult> PublishAsync(string topic, string payload, CancellationToken cancellationToken) =>
        _client.PublishStringAsync(topic, payload, MqttQualityOfServiceLevel.AtLeastOnce, retain: true, cancellationToken);

    private async Task SayGoodbyeAsync()
    {
        if (!_client.IsConnected)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), _time);
            // QoS 0: a goodbye needs no acknowledgement, and the socket is closed right after.
            await _client.PublishStringAsync(_discovery.AvailabilityTopic, "offline", MqttQualityOfServiceLevel.AtMostOnce, retain: true, timeout.Token)
                .ConfigureAwait(false);
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The broker publishes the will instead.
            Log.GoodbyeFailed(_logger, ex);
        }
    }

    private void Signal()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
        catch (ObjectDisposedException)
        {
            // Shutting down.
        }
    }
}
