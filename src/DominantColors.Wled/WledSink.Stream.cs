using System.Net.Sockets;
using DominantColors.Colors;
using DominantColors.Outputs;
using DominantColors.Strips;

namespace DominantColors.Wled;

/// <summary>
/// The streaming loop: wait for colors (or the keep-alive), respect the rate cap, expand, send. When the colors go
/// all black (TV off, ambient light switched off) it sends that frame, then releases WLED as on stop (the exit packet,
/// and the saved state through the JSON API) and stays quiet, no keep-alive, until colors come again: the next UDP
/// packet takes WLED back into realtime at once (WLED's realtimeLock lights a strip that is off with its last brightness).
/// </summary>
public sealed partial class WledSink
{
    private async Task StreamAsync(LightFeed feed, ReconnectBackoff backoff, CancellationToken cancellationToken)
    {
        var socket = _socket!;
        long seen = 0;
        long firstSent = -1;
        var released = false;
        var lastSent = _time.GetTimestamp() - (long)(_minInterval.TotalSeconds * _time.TimestampFrequency);
        while (true)
        {
            await FeedWait.NewerOrDueAsync(feed, seen, seen == 0 || released ? Timeout.InfiniteTimeSpan : KeepAlive, _time, CancellationToken.None, cancellationToken)
                .ConfigureAwait(false);
            var sinceLast = _time.GetElapsedTime(lastSent);
            if (sinceLast < _minInterval)
            {
                await Task.Delay(_minInterval - sinceLast, _time, cancellationToken).ConfigureAwait(false);
            }

            seen = feed.CopyLatest(_colors, out _);
            if (released && IsDark())
            {
                continue;
            }

            released = false;
            Expand();
            _frames.Write(_leds);
            for (var i = 0; i < _frames.PacketCount; i++)
            {
                await socket.SendAsync(_frames.Packet(i), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            }

            lastSent = _time.GetTimestamp();
            Interlocked.Increment(ref _framesSent);
            Status.ReportSent();

            // A UDP send succeeds whether or not anyone listens; a closed port answers with ICMP, which only the next
            // send reports. So WLED counts as back once sends have kept succeeding for RecoveryProof, not at the first
            // one after reopening (that would log a recovery and a new failure on every retry, and reset the backoff).
            if (backoff.IsBackingOff)
            {
                firstSent = firstSent < 0 ? lastSent : firstSent;
                if (_time.GetElapsedTime(firstSent, lastSent) >= RecoveryProof)
                {
                    // Connected before the recovery is logged: whoever reads the log line finds the status agree.
                    Status.ReportConnected();
                    backoff.Succeed();
                }
            }
            else
            {
                // Returns at once while connected: one volatile read per frame.
                Status.ReportConnected();
            }

            if (IsDark())
            {
                await RestoreAsync(cancellationToken).ConfigureAwait(false);
                released = true;
            }
        }
    }

    private bool IsDark() => !_colors.AsSpan().ContainsAnyExcept(Rgb24.Black);

    /// <summary>Fills each zone's LEDs with its color; allocation-free.</summary>
    private void Expand() => StripZones.Fill(_zones, _colors, _leds);
}
