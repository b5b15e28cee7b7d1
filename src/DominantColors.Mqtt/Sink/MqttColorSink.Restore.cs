using System.Buffers;
using DominantColors.Mqtt.Restore;
using MQTTnet;
using MQTTnet.Protocol;

namespace DominantColors.Mqtt.Sink;

/// <summary>
/// The restore half of the sink: before the first color of its life it listens to each device's state topics (and
/// asks for the state where the protocol can), for at most <see cref="StateWait"/>; on stop it sends back what it heard.
/// Lights that reported nothing are left as the stream left them, and the log says so once.
/// </summary>
internal sealed partial class MqttColorSink
{
    private readonly StateRestorer? _restorer;
    private readonly Lock _captureGate = new();
    private Dictionary<string, int>? _stateTopics;
    private Dictionary<string, string>[]? _captured;
    private TaskCompletionSource? _captureComplete;
    private bool _captureStarted;

    /// <summary>How long the first connect waits for the devices' state before sending colors; zero: no restore.</summary>
    internal TimeSpan StateWait { get; set; } = TimeSpan.FromSeconds(2);

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
                await _client.ConnectAsync(_clientOptions, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Once per sink, right after the first connect and before any command: hear what the lights show.</summary>
    private async Task CaptureStateAsync(CancellationToken cancellationToken)
    {
        if (_restorer is null || _captureStarted || StateWait <= TimeSpan.Zero)
        {
            return;
        }

        _captureStarted = true;
        var lights = _colors.Length;
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
        try
        {
            var subscribe = new MqttClientSubscribeOptionsBuilder();
            foreach (var topic in topics.Keys)
            {
                subscribe.WithTopicFilter(topic, MqttQualityOfServiceLevel.AtMostOnce);
            }

            await _client.SubscribeAsync(subscribe.Build(), cancellationToken).ConfigureAwait(false);
            for (var light = 0; light < lights; light++)
            {
                if (_restorer.Request(light) is { } request)
                {
                    await PublishAsync(request, cancellationToken).ConfigureAwait(false);
                }
            }

            await Task.WhenAny(_captureComplete.Task, Task.Delay(StateWait, _time, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            var unsubscribe = new MqttClientUnsubscribeOptionsBuilder();
            foreach (var topic in topics.Keys)
            {
                unsubscribe.WithTopicFilter(topic);
            }

            await _client.UnsubscribeAsync(unsubscribe.Build(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _client.ApplicationMessageReceivedAsync -= OnStateReceivedAsync;
            lock (_captureGate)
            {
                _stateTopics = null;
            }
        }

        ReportUnheard();
    }

    private void ReportUnheard()
    {
        lock (_captureGate)
        {
            for (var light = 0; light < _captured!.Length; light++)
            {
                if (_restorer!.Restore(light, _captured[light]).Count == 0)
                {
                    Log.MqttStateUnheard(_logger, Name, _options.Lights[light], string.Join(", ", _restorer.StateTopics(light)), StateWait);
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
