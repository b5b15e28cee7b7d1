using DominantColors.Hue.Bridge;

namespace DominantColors.Hue.Sinks;

public sealed partial class HueEntertainmentSink
{
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(3);

    private async Task<EntertainmentArea> FindAreaAsync(CancellationToken cancellationToken)
    {
        var areas = await _client.GetEntertainmentAreasAsync(cancellationToken).ConfigureAwait(false);
        return areas.FirstOrDefault(a => a.Matches(_options.Area))
            ?? throw new HueBridgeException(
                $"Bridge {_client.Address} has no entertainment area '{_options.Area}' (has: {string.Join(", ", areas.Select(a => a.Name))}).");
    }

    /// <summary>
    /// Starts the area for us. While another application streams to it, nothing is sent to the area: with
    /// <c>takeOver</c> it is stopped and started for us, otherwise the sink waits until it is free (bridges refuse such a
    /// start, and diyHue's emulator would hand it the area, ending the other stream). The area counts as ours (and is
    /// released on the way out) from our start on; <see cref="ReleaseAreaAsync"/> still reads its owner before stopping
    /// it, so a start refused because another application got there first ends in the wait too.
    /// </summary>
    private async Task<EntertainmentArea> ClaimAreaAsync(EntertainmentArea area, CancellationToken cancellationToken)
    {
        var owner = area.ActiveStreamerId;
        var tookOver = false;
        while (true)
        {
            if (IsOther(owner))
            {
                if (tookOver)
                {
                    throw new HueBridgeException($"Entertainment area '{area.Name}' stayed with application {owner} after a stop and a start.");
                }

                if (_options.TakeOver)
                {
                    Log.AreaTakenOver(_logger, Name, area.Name, owner!);
                    await _client.StopEntertainmentAsync(area.Id, cancellationToken).ConfigureAwait(false);
                    tookOver = true;
                }
                else
                {
                    await WaitUntilFreeAsync(area, owner!, cancellationToken).ConfigureAwait(false);
                }
            }

            _startedArea = area;
            await _client.StartEntertainmentAsync(area.Id, cancellationToken).ConfigureAwait(false);
            owner = (await _client.GetEntertainmentStatusAsync(area.Id, cancellationToken).ConfigureAwait(false)).ActiveStreamerId;
            if (!IsOther(owner))
            {
                return area;
            }

            // Another application started it between our read and our start, and the bridge left it theirs without
            // refusing ours.
            _startedArea = null;
        }
    }

    /// <summary>
    /// Leaves the area to the application that streams to it: says so once (log and status), then reads its owner every
    /// <see cref="HueEntertainmentOptions.AreaPollInterval"/> inside the bridge's command budget until it is free.
    /// A failed read ends the wait with the failure (the loop backs off and looks again).
    /// </summary>
    private async Task WaitUntilFreeAsync(EntertainmentArea area, string owner, CancellationToken cancellationToken)
    {
        Log.AreaInUse(_logger, Name, area.Name, owner);
        Status.ReportWaiting(InUse(area, owner));
        while (true)
        {
            await Task.Delay(_options.AreaPollInterval, _time, cancellationToken).ConfigureAwait(false);

            await _budget.WaitForSlotAsync(cancellationToken).ConfigureAwait(false);
            var status = await _client.GetEntertainmentStatusAsync(area.Id, cancellationToken).ConfigureAwait(false);
            if (!IsOther(status.ActiveStreamerId))
            {
                Log.AreaFree(_logger, Name, area.Name);
                return;
            }

            if (!string.Equals(status.ActiveStreamerId, owner, StringComparison.OrdinalIgnoreCase))
            {
                owner = status.ActiveStreamerId!;
                Status.ReportWaiting(InUse(area, owner));
            }
        }

        static string InUse(EntertainmentArea area, string owner) =>
            $"entertainment area '{area.Name}' is in use by application {owner}; waiting until it is free (takeOver: false)";
    }

    /// <summary>
    /// After a stream ended, failed or is being shut down: reads who streams to the area before anything else, and
    /// stops it only while it is still ours. Another application's area is left alone and our claim dropped (its
    /// id is returned, so the caller waits instead of counting a fault). When the owner cannot be read, nothing is
    /// stopped: the bridge releases an area of ours by itself after 10 s without frames.
    /// </summary>
    private async Task<string?> ReleaseAreaAsync()
    {
        if (_startedArea is not { } area)
        {
            return null;
        }

        _startedArea = null;
        using var timeout = new CancellationTokenSource(ReleaseTimeout, _time);
        try
        {
            var status = await _client.GetEntertainmentStatusAsync(area.Id, timeout.Token).ConfigureAwait(false);
            if (IsOther(status.ActiveStreamerId))
            {
                return status.ActiveStreamerId;
            }

            if (status.IsActive)
            {
                await _client.StopEntertainmentAsync(area.Id, timeout.Token).ConfigureAwait(false);
                Log.StreamStopped(_logger, Name, area.Name);
            }
        }
        catch (Exception ex) when (ex is HueBridgeException or IOException or OperationCanceledException)
        {
            // The bridge may be unreachable; it releases the area by itself after 10 s without frames.
        }

        return null;
    }

    /// <summary>True when <paramref name="streamer"/> is an application other than ours (never, while ours is unknown).</summary>
    private bool IsOther(string? streamer) =>
        streamer is not null && _credentials.ApplicationId is { } ours && !string.Equals(streamer, ours, StringComparison.OrdinalIgnoreCase);
}
