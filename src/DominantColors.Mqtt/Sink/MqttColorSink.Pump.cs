using DominantColors.Outputs;

namespace DominantColors.Mqtt.Sink;

/// <summary>
/// The connected half of the sink: read the latest colors, publish what the schedule allows, wait. Colors and
/// payloads live in reused buffers; each wait allocates its timeout tokens and MQTTnet its packet, a few times a second.
/// </summary>
public sealed partial class MqttColorSink
{
    private async Task PumpAsync(LightFeed feed, CancellationToken cancellationToken)
    {
        var lost = _connectionLost.Token;
        long seen = 0;
        while (true)
        {
            lost.ThrowIfCancellationRequested();
            var version = feed.CopyLatest(_colors, out _);
            var now = _time.GetTimestamp();
            if (version > 0)
            {
                if (_setupPending)
                {
                    await BeforeFirstColorAsync(cancellationToken).ConfigureAwait(false);
                    now = _time.GetTimestamp();
                }

                for (var light = 0; light < _colors.Length; light++)
                {
                    if (_schedule.ShouldSend(light, _colors[light], now))
                    {
                        await PublishAsync(_writer.Write(light, _colors[light]), cancellationToken).ConfigureAwait(false);
                        if (_writer.TryWriteFollowUp(light, out var followUp))
                        {
                            await PublishAsync(followUp, cancellationToken).ConfigureAwait(false);
                        }

                        _schedule.MarkSent(light, _colors[light], now);
                        Status.ReportSent();
                        ColorPublished?.Invoke(light);
                    }
                }
            }

            seen = version;
            var due = version > 0 ? _schedule.NextDue(_colors) : long.MaxValue;
            var delay = due == long.MaxValue ? Timeout.InfiniteTimeSpan : _time.GetElapsedTime(_time.GetTimestamp(), due);
            await FeedWait.NewerOrDueAsync(feed, seen, delay, _time, lost, cancellationToken).ConfigureAwait(false);
        }
    }
}
