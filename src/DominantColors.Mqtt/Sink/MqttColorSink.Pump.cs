using DominantColors.Outputs;

namespace DominantColors.Mqtt.Sink;

/// <summary>The connected half of the sink: read the latest colors, publish what the schedule allows, wait.</summary>
internal sealed partial class MqttColorSink
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
                for (var light = 0; light < _colors.Length; light++)
                {
                    if (_schedule.ShouldSend(light, _colors[light], now))
                    {
                        await PublishAsync(_writer.Write(light, _colors[light]), cancellationToken).ConfigureAwait(false);
                        _schedule.MarkSent(light, _colors[light], now);
                    }
                }
            }

            seen = version;
            var due = version > 0 ? _schedule.NextDue(_colors) : long.MaxValue;
            await WaitAsync(feed, seen, due, lost, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for newer colors, the next due time, a lost connection or shutdown, whichever comes first.</summary>
    private async Task WaitAsync(LightFeed feed, long seen, long due, CancellationToken lost, CancellationToken cancellationToken)
    {
        var delay = due == long.MaxValue ? Timeout.InfiniteTimeSpan : _time.GetElapsedTime(_time.GetTimestamp(), due);
        if (delay != Timeout.InfiniteTimeSpan && delay <= TimeSpan.Zero)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(delay, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, lost, cancellationToken);
        try
        {
            await feed.WaitForNewerAsync(seen, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Due: a rate-limited change or a keep-alive.
        }
    }
}
