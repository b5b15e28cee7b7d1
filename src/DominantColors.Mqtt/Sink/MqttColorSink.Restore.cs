using System.Buffers;
using DominantColors.Mqtt.Connection;
using DominantColors.Mqtt.Restore;
using MQTTnet;
using MQTTnet.Protocol;

namespace DominantColors.Mqtt.Sink;

/// <summary>
/// The restore half of the sink: from its first connect it listens to each device's state topics (and asks for the
/// state where the protocol can), while the source starts; the first color waits only until every light was heard or
/// <see cref="StateWait"/> has passed since the subscription (retained states arrive with it, so then at once; where
/// the protocol has no state request, only retained state can come, and the wait is <see cref="RetainedStateWait"/>). A state
/// heard later is still taken as long as no color has gone out; once one has, the device would only echo our colors,
/// so listening ends there. On stop it sends back what it heard; lights that reported nothing are left as the
/// stream left them, and the log says so once.
/// </summary>
public sealed partial class MqttColorSink
{
    private readonly StateRestorer? _restorer;
    private readonly Lock _captureGate = new();
    private Dictionary<string, int>? _stateTopics;
    private Dictionary<string, string>[]? _captured;
    private TaskCompletionSource? _captureComplete;
    private bool _captureStarted;
    private bool _capturing;
    private long _captureDeadline;
    private TimeSpan _captureWait;

    /// <summary>
    /// The longest the first color waits for the devices' state after subscribing and asking for it (zero: no
    /// restore). A second is ample for a device that answers a state request on a local broker (Tasmota's empty
    /// command, Zigbee2MQTT's <c>/get</c>, which reads the bulb over Zigbee).
    /// </summary>
    internal TimeSpan StateWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The wait where the protocol has no state request (WLED publishes its state only when it changes): what is there
    /// to hear is retained, and retained messages arrive with the subscription, so a quarter of a second (at most
    /// <see cref="StateWait"/>) covers them.
    /// </summary>
    internal static readonly TimeSpan RetainedStateWait = TimeSpan.FromMilliseconds(250);

    /// <summary>Raised (under the capture lock) when a device's state was recorded for restore; for tests.</summary>
    internal event Action<string>? StateHeard;

    /// <summary>Sends each light's state as it was before the first color, where it was heard.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        if (_restorer is null || _captured is null)
        {
            return;
        }

        var commands = new List<Presets.MqttCommand>();
        lock (_captureGate)
        {
            for (var light = 0; light < _captured.Length; light++)
            {
                commands.AddRange(_restorer.Restore(light, _captured[light]));
            }
        }

        if (commands.Count == 0)
        {
            return;
        }

        try
        {
            if (!_client.IsConnected)
            {
                await MqttConnector.ConnectAsync(_client, _clientOptions, _options.Connection, cancellationToken).ConfigureAwait(false);
            }

            foreach (var command in commands)
            {
                // At least once: a restore is sent a single time, so it must not be lost.
                var message = new MqttApplicationMessage
                {
                    Topic = command.Topic,
                    Payload = new ReadOnlySequence<byte>(command.Payload),
                    QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce,
                };
                await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            }

            Log.MqttRestored(_logger, Name, commands.Count);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.MqttRestoreFailed(_logger, Name, ex);
        }
    }

    /// <summary>
    /// Right after a connect and before any command: subscribes to the state topics and asks for the state, the first
    /// time and again after a reconnect while no color has gone out yet. Does not wait for the answers.
    /// </summary>
    private async Task BeginCaptureAsync(CancellationToken cancellationToken)
    {
        if (_restorer is null || StateWait <= TimeSpan.Zero || (_captureStarted && !_capturing))
        {
            return;
        }

        var lights = _colors.Length;
        if (!_captureStarted)
        {
            _captureStarted = true;
            var topics = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var light = 0; light < lights; light++)
            {
                foreach (var topic in _restorer.StateTopics(light))
                {
                    topics[topic] = light;
                }
            }

            lock (_captureGate)
            {
                _stateTopics = topics;
                _captured = [.. Enumerable.Range(0, lights).Select(_ => new Dictionary<string, string>(StringComparer.Ordinal))];
                _captureComplete = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            _client.ApplicationMessageReceivedAsync += OnStateReceivedAsync;
            _capturing = true;
        }

        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var topic in _stateTopics!.Keys)
        {
            subscribe.WithTopicFilter(topic, MqttQualityOfServiceLevel.AtMostOnce);
        }

        await _client.SubscribeAsync(subscribe.Build(), cancellationToken).ConfigureAwait(false);
        var subscribed = _time.GetTimestamp();
        var asked = false;
        for (var light = 0; light < lights; light++)
        {
            if (_restorer.Request(light) is { } request)
            {
                await PublishAsync(request, cancellationToken).ConfigureAwait(false);
                asked = true;
            }
        }

        _captureWait = asked || StateWait < RetainedStateWait ? StateWait : RetainedStateWait;
        _captureDeadline = subscribed + (long)(_captureWait.TotalSeconds * _time.TimestampFrequency);
    }

    /// <summary>
    /// Before the first color: waits for the state still missing, until <see cref="StateWait"/> (or
    /// <see cref="RetainedStateWait"/> where nothing could be asked) after the subscription at most, then stops listening and logs the lights that were not heard.
    /// </summary>
    private async Task EndCaptureAsync(CancellationToken cancellationToken)
    {
        if (!_capturing)
        {
            return;
        }

        var remaining = _time.GetElapsedTime(_time.GetTimestamp(), _captureDeadline);
        if (remaining > TimeSpan.Zero && !_captureComplete!.Task.IsCompleted)
        {
            await Task.WhenAny(_captureComplete.Task, Task.Delay(remaining, _time, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        _capturing = false;
        _client.ApplicationMessageReceivedAsync -= OnStateReceivedAsync;
        string[] topics;
        lock (_captureGate)
        {
            topics = [.. _stateTopics!.Keys];
            _stateTopics = null;
        }

        ReportUnheard();
        var unsubscribe = new MqttClientUnsubscribeOptionsBuilder();
        foreach (var topic in topics)
        {
            unsubscribe.WithTopicFilter(topic);
        }

        await _client.UnsubscribeAsync(unsubscribe.Build(), cancellationToken).ConfigureAwait(false);
    }

    private void ReportUnheard()
    {
        lock (_captureGate)
        {
            for (var light = 0; light < _captured!.Length; light++)
            {
                if (_restorer!.Restore(light, _captured[light]).Count == 0)
                {
                    Log.MqttStateUnheard(_logger, Name, _options.Lights[light], string.Join(", ", _restorer.StateTopics(light)), _captureWait);
                }
            }
        }
    }

    private Task OnStateReceivedAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var message = args.ApplicationMessage;
        lock (_captureGate)
        {
            if (_stateTopics is null || _captured is null || !_stateTopics.TryGetValue(message.Topic, out var light))
            {
                return Task.CompletedTask;
            }

            _captured[light][message.Topic] = message.ConvertPayloadToString() ?? string.Empty;
            StateHeard?.Invoke(message.Topic);
            var complete = true;
            for (var i = 0; i < _captured.Length && complete; i++)
            {
                complete = _restorer!.StateTopics(i).All(_captured[i].ContainsKey);
            }

            if (complete)
            {
                _captureComplete?.TrySetResult();
            }
        }

        return Task.CompletedTask;
    }
}
