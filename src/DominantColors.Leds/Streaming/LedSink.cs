using System.Net.Sockets;
using DominantColors.Colors;
using DominantColors.Outputs;
using DominantColors.Strips;
using Microsoft.Extensions.Logging;

namespace DominantColors.Leds.Streaming;

/// <summary>
/// An LED strip output (<c>e131</c>, <c>artnet</c>, <c>adalight</c>, <c>spi</c>): waits for colors or the keep-alive,
/// respects the rate cap, expands zone colors into a reused LED buffer and hands it to its transport, which encodes
/// it into reused packet buffers. A failed send or open is logged once, and the transport reopened with backoff.
/// Per frame the only allocations are the timeout tokens of the wait for the next frame.
/// </summary>
public sealed class LedSink : IColorSink
{
    private readonly ILedTransport _transport;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<StripZone> _zones;
    private readonly Rgb24[] _colors;
    private readonly Rgb24[] _leds;
    private readonly TimeSpan _minInterval;
    private readonly TimeSpan _keepAlive;
    private readonly TimeSpan _firstRetry;
    private bool _opened;
    private long _framesSent;

    /// <summary>
    /// <paramref name="keepAlive"/>: how often the last frame is resent while colors stay the same
    /// (<see cref="Timeout.InfiniteTimeSpan"/>: never); <paramref name="firstRetry"/>: the first retry delay after a
    /// failure (the backoff doubles it up to 30 s).
    /// </summary>
    public LedSink(string name, LedStripOptions options, ILedTransport transport, TimeSpan keepAlive, TimeProvider time, ILogger logger, TimeSpan firstRetry)
    {
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _transport = transport;
        _time = time;
        _logger = logger;
        _keepAlive = keepAlive;
        _firstRetry = firstRetry;
        _zones = options.Zones();
        Lights = _zones.Select(z => z.Name).ToArray();
        _colors = new Rgb24[_zones.Count];
        _leds = new Rgb24[_zones.Sum(z => z.LedCount)];
        _minInterval = TimeSpan.FromSeconds(1 / options.MaxRate);
    }

    public string Name { get; }

    public IReadOnlyList<string> Lights { get; }

    public SinkStatus Status { get; } = new();

    /// <summary>Frames sent since start (for tests and metrics).</summary>
    public long FramesSent => Interlocked.Read(ref _framesSent);

    public async Task RunAsync(LightFeed feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var backoff = new ReconnectBackoff(_firstRetry, ReconnectBackoff.DefaultMax, _time, ReconnectBackoff.NetworkJitter)
        {
            FirstFailure = f => Log.SendFailed(_logger, Name, _transport.Target, f.Error!),
            Recovered = _ => Log.Recovered(_logger, Name, _transport.Target),
        };
        long seen = 0;
        var loop = new ReconnectLoop(backoff, OpenAsync, async ct => seen = await StreamAsync(feed, seen, backoff, ct).ConfigureAwait(false))
        {
            IsFault = IsDeviceFault,
            BackOffAfterLoss = true,
            ConnectFailed = ReportFault,
            Lost = ReportFault,
        };
        await loop.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        if (!_opened)
        {
            return;
        }

        try
        {
            await _transport.StopAsync(cancellationToken).ConfigureAwait(false);
            Log.Stopped(_logger, Name, _transport.Target, _transport.StopAction);
        }
        catch (Exception ex) when (IsDeviceFault(ex))
        {
            Log.StopFailed(_logger, Name, _transport.Target, ex);
        }
    }

    public ValueTask DisposeAsync() => _transport.DisposeAsync();

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        await _transport.OpenAsync(cancellationToken).ConfigureAwait(false);
        _opened = true;
        Log.Streaming(_logger, Name, _leds.Length, _transport.Target);
    }

    private void ReportFault(Exception ex) => Status.ReportFault($"cannot send to {_transport.Target}: {ex.Message}");

    /// <summary>
    /// What a lost socket, an unplugged serial port, a serial device that stopped reading (the port's write timeout)
    /// or a missing SPI device throws: all of it mended here, none of it left to the runner.
    /// </summary>
    private static bool IsDeviceFault(Exception ex) =>
        ex is SocketException or IOException or UnauthorizedAccessException or InvalidOperationException or TimeoutException;

    private async Task<long> StreamAsync(LightFeed feed, long seen, ReconnectBackoff backoff, CancellationToken cancellationToken)
    {
        var lastSent = _time.GetTimestamp() - (long)(_minInterval.TotalSeconds * _time.TimestampFrequency);
        while (true)
        {
            // Until the first colors arrive there is nothing to keep alive; after a reopen the last frame goes out at once.
            var wait = seen == 0 ? Timeout.InfiniteTimeSpan : backoff.IsBackingOff ? TimeSpan.Zero : _keepAlive;
            await FeedWait.NewerOrDueAsync(feed, seen, wait, _time, CancellationToken.None, cancellationToken).ConfigureAwait(false);
            var sinceLast = _time.GetElapsedTime(lastSent);
            if (sinceLast < _minInterval)
            {
                await Task.Delay(_minInterval - sinceLast, _time, cancellationToken).ConfigureAwait(false);
            }

            seen = feed.CopyLatest(_colors, out _);
            StripZones.Fill(_zones, _colors, _leds);
            await _transport.SendAsync(_leds, cancellationToken).ConfigureAwait(false);
            lastSent = _time.GetTimestamp();
            Interlocked.Increment(ref _framesSent);
            Status.ReportSent();

            // Returns at once while connected: one volatile read per frame. Before the recovery is logged, so whoever
            // reads that log line finds the status agree.
            Status.ReportConnected();
            backoff.Succeed();
        }
    }
}
