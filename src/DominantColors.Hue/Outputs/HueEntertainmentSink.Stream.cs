using DominantColors.Hue.Bridge;
using DominantColors.Hue.Colors;
using DominantColors.Hue.Streaming;
using DominantColors.Outputs;

namespace DominantColors.Hue.Outputs;

public sealed partial class HueEntertainmentSink
{
    /// <summary>Raised after each frame is sent, with its sequence number (benchmarks measure the pace with it).</summary>
    internal Action<long>? FrameSent { get; set; }

    private async Task<StreamEnd> StreamOnceAsync(LightFeed feed, Action connected, CancellationToken cancellationToken)
    {
        var area = await FindAreaAsync(cancellationToken).ConfigureAwait(false);
        if (area.Channels.Count == 0)
        {
            throw new HueBridgeException($"Entertainment area '{area.Name}' has no channels.");
        }

        var lights = await _client.GetLightsAsync(cancellationToken).ConfigureAwait(false);
        var channelLights = new int[area.Channels.Count];
        var gamuts = new ColorGamut[area.Channels.Count];
        for (var i = 0; i < channelLights.Length; i++)
        {
            var channel = area.Channels[i];
            channelLights[i] = _channelMap.LightIndexOf(channel);
            gamuts[i] = channel.LightIds.Select(id => lights.FirstOrDefault(l => l.Id == id)?.Gamut).FirstOrDefault(g => g is not null) ?? ColorGamut.C;
        }

        _previous ??= [.. lights.Where(l => area.Channels.Any(c => c.LightIds.Contains(l.Id)))];
        area = await StartAreaAsync(area, cancellationToken).ConfigureAwait(false);
        using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        Log.StreamStarted(_logger, Name, area.Name, area.Channels.Count, 1 / _options.FrameInterval.TotalSeconds);
        connected();
        var writer = new HueStreamWriter(area.Id, HueStreamColorSpace.XyBrightness, area.Channels.Count);
        return await SendFramesAsync(feed, connection, writer, area, channelLights, gamuts, cancellationToken).ConfigureAwait(false);
    }

    // The 50 Hz loop: copy the latest colors, convert each channel into its lamp's gamut, stamp the reused frame, send,
    // drain alerts. Nothing here allocates (PeriodicTimer ticks, reused arrays and frame buffer).
    private async Task<StreamEnd> SendFramesAsync(
        LightFeed feed, DtlsPskConnection connection, HueStreamWriter writer, EntertainmentArea area, int[] channelLights, ColorGamut[] gamuts,
        CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.FrameInterval, _time);
        long blackSince = -1;
        long sent = 0;
        do
        {
            feed.CopyLatest(_colors, out _);
            for (var i = 0; i < channelLights.Length; i++)
            {
                var index = channelLights[i];
                var color = index < 0 ? default : _colors[index];
                writer.SetXyBrightness(i, area.Channels[i].ChannelId, _converter.Convert(color, gamuts[i]));
            }

            connection.Send(writer.NextFrame());
            FrameSent?.Invoke(sent++);
            if (!connection.DrainIncoming())
            {
                return StreamEnd.BridgeClosed;
            }

            if (!AllBlack(_colors))
            {
                blackSince = -1;
            }
            else if (blackSince < 0)
            {
                blackSince = _time.GetTimestamp();
            }
            else if (_time.GetElapsedTime(blackSince) >= _options.PauseAfterBlack)
            {
                Log.StreamPaused(_logger, Name, _options.PauseAfterBlack);
                return StreamEnd.Paused;
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));

        return StreamEnd.BridgeClosed;
    }
}
