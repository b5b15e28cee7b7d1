using DominantColors.Hue.Bridge;
using DominantColors.Hue.Colors;
using DominantColors.Hue.Streaming;
using DominantColors.Hue.Streaming.Native;
using DominantColors.Outputs;

namespace DominantColors.Hue.Sinks;

public sealed partial class HueEntertainmentSink
{
    /// <summary>SCHED_FIFO priority of the stream thread: above ordinary threads, far below the kernel's own.</summary>
    private const int RealtimePriority = 10;

    /// <summary>Raised on the stream thread after each frame is sent, with its sequence number (benchmarks measure the pace with it).</summary>
    internal Action<long>? FrameSent { get; set; }

    /// <summary>Frame slots skipped since start because the stream thread was more than one interval late.</summary>
    public long SkippedFrames => Interlocked.Read(ref _skippedFrames);

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
        area = await ClaimAreaAsync(area, cancellationToken).ConfigureAwait(false);
        using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        Log.StreamStarted(_logger, Name, area.Name, area.Channels.Count, 1 / _options.FrameInterval.TotalSeconds);
        connected();
        var writer = new HueStreamWriter(area.Id, HueStreamColorSpace.XyBrightness, area.Channels.Count);
        using var streaming = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = WatchStatusAsync(area, streaming);
        try
        {
            var end = await RunStreamThreadAsync(new StreamState(feed, connection, writer, area, channelLights, gamuts), streaming.Token)
                .ConfigureAwait(false);
            if (end != StreamEnd.Stopped)
            {
                return end;
            }

            // Stopped: either the daemon is stopping, or the status watch found the area no longer streams to us.
            cancellationToken.ThrowIfCancellationRequested();
            return StreamEnd.StatusLost;
        }
        finally
        {
            await streaming.CancelAsync().ConfigureAwait(false);
            await watch.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs the send loop on its own thread (real-time on Linux where allowed, else highest priority where the OS
    /// honours it) so thread-pool load, timer coalescing and busy cores cannot shift frames; the task ends with the loop, <see cref="StreamEnd.Stopped"/> once
    /// <paramref name="stop"/> is set.
    /// </summary>
    private Task<StreamEnd> RunStreamThreadAsync(StreamState stream, CancellationToken stop)
    {
        var done = new TaskCompletionSource<StreamEnd>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                if (_options.RealtimeThread)
                {
                    Log.StreamThreadScheduling(_logger, Name, RealtimeScheduling.TryMakeCurrentThreadRealtime(RealtimePriority) ? "real-time (SCHED_FIFO)" : "default");
                }

                done.SetResult(SendFrames(stream, stop));
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "hue-stream",
            Priority = ThreadPriority.Highest,
        };
        thread.Start();
        return done.Task;
    }

    // The 50 Hz loop: copy the latest colors, convert each channel into its lamp's gamut, stamp the reused frame, send,
    // drain alerts, then sleep until the next absolute deadline. Nothing here allocates (reused arrays, frame buffer,
    // pacer, sleeper's timer and event).
    private StreamEnd SendFrames(StreamState s, CancellationToken stop)
    {
        using var sleeper = new DeadlineSleeper(_time, stop.WaitHandle);
        var pacer = new FramePacer(Math.Max(1, (long)(_options.FrameInterval.TotalSeconds * _time.TimestampFrequency)));
        var channels = s.Area.Channels;
        long blackSince = -1;
        long sent = 0;
        long skipped = 0;
        pacer.Start(_time.GetTimestamp());
        try
        {
            do
            {
                s.Feed.CopyLatest(_colors, out _);
                for (var i = 0; i < s.ChannelLights.Length; i++)
                {
                    var index = s.ChannelLights[i];
                    var color = index < 0 ? default : _colors[index];
                    s.Writer.SetXyBrightness(i, channels[i].ChannelId, _converter.Convert(color, s.Gamuts[i]));
                }

                s.Connection.Send(s.Writer.NextFrame());
                Status.ReportSent();
                FrameSent?.Invoke(sent++);
                if (!s.Connection.DrainIncoming())
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

                pacer.Advance(_time.GetTimestamp());
                Interlocked.Add(ref _skippedFrames, pacer.Skipped - skipped);
                skipped = pacer.Skipped;
            }
            while (sleeper.SleepUntil(pacer.Next));

            return StreamEnd.Stopped;
        }
        finally
        {
            if (skipped > 0)
            {
                Log.FramesSkipped(_logger, Name, skipped, sent);
            }
        }
    }

    /// <summary>
    /// Every <see cref="HueEntertainmentOptions.StatusInterval"/>, asks the bridge whether the area still streams to
    /// us; when it went inactive or another application owns it, ends the stream (cancels <paramref name="streaming"/>)
    /// so the loop reads the owner again and starts over or waits. Unanswered polls change nothing: the DTLS session
    /// tells when the bridge itself is gone.
    /// </summary>
    private async Task WatchStatusAsync(EntertainmentArea area, CancellationTokenSource streaming)
    {
        if (_options.StatusInterval <= TimeSpan.Zero)
        {
            return;
        }

        var token = streaming.Token;
        var ours = _credentials.ApplicationId;
        try
        {
            while (await StoppableDelay.WaitAsync(_time, _options.StatusInterval, token).ConfigureAwait(false))
            {
                EntertainmentStatus status;
                try
                {
                    status = await _client.GetEntertainmentStatusAsync(area.Id, token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HueBridgeException or IOException)
                {
                    continue;
                }

                var other = ours is not null && status.ActiveStreamerId is { } streamer
                    && !string.Equals(streamer, ours, StringComparison.OrdinalIgnoreCase) ? status.ActiveStreamerId : null;
                if (status.IsActive && other is null)
                {
                    continue;
                }

                // Another application's area is said once, by the wait that follows.
                if (other is null)
                {
                    Log.StreamLost(_logger, Name, area.Name);
                }

                await streaming.CancelAsync().ConfigureAwait(false);
                return;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The stream ended first.
        }
    }

    /// <summary>What one stream attempt's loop works with, fixed for its duration.</summary>
    private sealed record StreamState(
        LightFeed Feed, DtlsPskConnection Connection, HueStreamWriter Writer, EntertainmentArea Area, int[] ChannelLights, ColorGamut[] Gamuts);
}
