using System.Buffers;
using DominantColors.Colors;
using DominantColors.Mqtt.Connection;
using DominantColors.Mqtt.Presets;
using DominantColors.Mqtt.Restore;
using DominantColors.Outputs;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace DominantColors.Mqtt.Sink;

/// <summary>
/// The <c>type: mqtt</c> output: publishes each light's color to its device topic in the preset's format, QoS 0 and
/// never retained (a stale color is worthless, a retained command replays after a power cut). Connects and
/// reconnects with backoff by itself; while the broker is away it reads nothing, so nothing queues, and after a
/// reconnect it sends the latest colors at once. On stop it puts back the state the devices reported before the
/// first color (see <c>MqttColorSink.Restore.cs</c>).
/// </summary>
public sealed partial class MqttColorSink : IColorSink
{
    private readonly MqttSinkOptions _options;
    private readonly PresetWriter _writer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _clientOptions;
    private readonly PublishSchedule _schedule;
    private readonly Rgb24[] _colors;
    private readonly MqttApplicationMessage _message = new()
    {
        QualityOfServiceLevel = MqttQualityOfServiceLevel.AtMostOnce,
        Retain = false,
    };

    private readonly TimeSpan _firstRetry;
    private readonly ConnectionLostSignal _connectionLost = new();
    private long _published;
    private bool _setupPending;

    public MqttColorSink(MqttSinkOptions options, TimeProvider time, ILogger<MqttColorSink> logger)
        : this(options, time, logger, TimeSpan.FromSeconds(1))
    {
    }

    /// <summary>For tests: <paramref name="firstRetry"/> is the first reconnect delay; it doubles up to 30 s.</summary>
    internal MqttColorSink(MqttSinkOptions options, TimeProvider time, ILogger logger, TimeSpan firstRetry)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
        _logger = logger;
        _writer = PresetWriter.Create(options);
        _restorer = StateRestorer.Create(options, _writer.DeviceTopics);
        _colors = new Rgb24[options.Lights.Count];
        _schedule = new PublishSchedule(
            options.Lights.Count,
            TimeSpan.FromSeconds(1 / options.MaxRate),
            TimeSpan.FromSeconds(options.KeepAlive),
            (float)options.DeadBand,
            time.TimestampFrequency);
        ClientId = options.Connection.ClientId ?? MqttClientIds.Create(options.Name);
        _clientOptions = MqttClientOptionsFactory.Create(options.Connection, ClientId);
        _client = new MqttClientFactory().CreateMqttClient();
        _client.DisconnectedAsync += _connectionLost.OnDisconnectedAsync;
        _firstRetry = firstRetry;
    }

    /// <summary>Raised on the sink's loop when it connects, fails to connect or loses the broker.</summary>
    internal event Action<ConnectionEvent>? ConnectionChanged;

    public string Name => $"mqtt:{_options.Name}";

    public IReadOnlyList<string> Lights => _options.Lights;

    public SinkStatus Status { get; } = new();

    public string ClientId { get; }

    /// <summary>Raised on the sink's loop once a light's color has been written to the broker connection (measurements use it).</summary>
    internal Action<int>? ColorPublished { get; set; }

    /// <summary>Messages published since start (for tests and metrics).</summary>
    public long PublishedCount => Interlocked.Read(ref _published);

    public bool IsConnected => _client.IsConnected;

    public Task RunAsync(LightFeed feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var loop = MqttReconnectLoop.Create(Name, _options.Connection, new(_time, _firstRetry, _logger, Status, e => ConnectionChanged?.Invoke(e)),
            ConnectAsync, ct => PumpAsync(feed, ct));
        return loop.RunAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _client.DisconnectedAsync -= _connectionLost.OnDisconnectedAsync;
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Leaving anyway: the broker notices the closed socket.
            }
        }

        _client.Dispose();
        _connectionLost.Dispose();
    }

    /// <summary>Connects once and starts listening for the devices' state; throws when the broker refuses or is away.</summary>
    internal async Task ConnectAsync(CancellationToken cancellationToken)
    {
        _connectionLost.Renew();
        await MqttConnector.ConnectAsync(_client, _clientOptions, _options.Connection, cancellationToken).ConfigureAwait(false);
        await BeginCaptureAsync(cancellationToken).ConfigureAwait(false);
        _schedule.Reset();
        _writer.Reset();
        _setupPending = true;
    }

    /// <summary>
    /// Before the first color of a connection: the state capture ends (see <c>MqttColorSink.Restore.cs</c>), then the
    /// preset's setup commands go out, which change the device and so must follow the capture.
    /// </summary>
    private async Task BeforeFirstColorAsync(CancellationToken cancellationToken)
    {
        await EndCaptureAsync(cancellationToken).ConfigureAwait(false);
        for (var light = 0; light < _colors.Length; light++)
        {
            foreach (var command in _writer.SetupCommands(light))
            {
                await PublishAsync(command, cancellationToken).ConfigureAwait(false);
            }
        }

        _setupPending = false;
    }

    private Task<MqttClientPublishResult> PublishAsync(MqttCommand command, CancellationToken cancellationToken)
    {
        // One message object, reused: QoS 0 publishes complete once written, before the next one starts.
        _message.Topic = command.Topic;
        _message.Payload = new ReadOnlySequence<byte>(command.Payload);
        Interlocked.Increment(ref _published);
        return _client.PublishAsync(_message, cancellationToken);
    }
}
