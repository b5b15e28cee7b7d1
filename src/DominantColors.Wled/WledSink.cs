using System.Net;
using System.Net.Sockets;
using DominantColors.Colors;
using DominantColors.Outputs;
using DominantColors.Strips;
using Microsoft.Extensions.Logging;

namespace DominantColors.Wled;

/// <summary>
/// The <c>type: wled</c> output: streams every LED's color to a WLED controller over UDP (DDP, DRGB or DNRGB) at
/// frame rate, capped, and resends the last frame every second so WLED stays in realtime mode. The first packet puts
/// WLED into realtime mode by itself, with a timeout (DDP: WLED's own, 2.5 s by default; DRGB/DNRGB: the packet's
/// timeout byte), so a daemon that dies without a goodbye frees the strip within that timeout. The JSON API only
/// saves the controller's state first and puts it back in <see cref="RestoreAsync"/>: it never sends
/// <c>"live":true</c>, which WLED holds with no timeout at all (<c>realtimeLock(65000)</c> in wled00/json.cpp).
/// Per frame it expands zone colors into a reused LED buffer and reused packet buffers, allocating nothing. A UDP send
/// does not block, so the stretch from one frame's colors to the next wait runs on the analysis loop's thread
/// (<see cref="SendsInline"/>): no thread is woken per frame; keep-alives, the rate cap and retries run on timers.
/// </summary>
public sealed partial class WledSink : IColorSink
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(1);

    /// <summary>After a failure, how long sends must keep succeeding before WLED counts as reachable again (two keep-alives).</summary>
    private static readonly TimeSpan RecoveryProof = 2 * KeepAlive;

    private readonly WledSinkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<StripZone> _zones;
    private readonly WledFrameWriter _frames;
    private readonly Rgb24[] _colors;
    private readonly Rgb24[] _leds;
    private readonly WledJsonClient? _json;
    private readonly TimeSpan _minInterval;
    private readonly TimeSpan _firstRetry;
    private Socket? _socket;
    private string? _savedState;
    private long _framesSent;

    public WledSink(WledSinkOptions options, TimeProvider time, ILogger<WledSink> logger)
        : this(options, time, logger, TimeSpan.FromSeconds(1))
    {
    }

    /// <summary>For tests: <paramref name="firstRetry"/> is the first retry delay after a failure.</summary>
    internal WledSink(WledSinkOptions options, TimeProvider time, ILogger logger, TimeSpan firstRetry)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
        _logger = logger;
        _firstRetry = firstRetry;
        _zones = options.Zones();
        Lights = _zones.Select(z => z.Name).ToArray();
        var ledCount = _zones.Sum(z => z.LedCount);
        _frames = new WledFrameWriter(options.Protocol, ledCount, (byte)options.Timeout);
        _colors = new Rgb24[_zones.Count];
        _leds = new Rgb24[ledCount];
        _minInterval = TimeSpan.FromSeconds(1 / options.MaxRate);
        if (options.JsonApi)
        {
            _json = new WledJsonClient(new UriBuilder(Uri.UriSchemeHttp, options.Host, options.HttpPort).Uri);
        }
    }

    public string Name => $"wled:{_options.Name}";

    public IReadOnlyList<string> Lights { get; }

    public SinkStatus Status { get; } = new();

    /// <summary>True: between two waits on its feed the loop only sends datagrams, which never block.</summary>
    public bool SendsInline => true;

    /// <summary>The zones, in light order: the picture region each light mirrors and its LEDs.</summary>
    public IReadOnlyList<StripZone> Zones => _zones;

    /// <summary>Frames sent since start (for tests and metrics).</summary>
    public long FramesSent => Interlocked.Read(ref _framesSent);

    public async Task RunAsync(LightFeed feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        await SaveStateAsync(cancellationToken).ConfigureAwait(false);
        var backoff = new ReconnectBackoff(_firstRetry, ReconnectBackoff.DefaultMax, _time, ReconnectBackoff.NetworkJitter)
        {
            FirstFailure = f => Log.WledSendFailed(_logger, Name, f.Error!),
            Recovered = _ => Log.WledRecovered(_logger, Name),
        };
        var loop = new ReconnectLoop(backoff, OpenSocketAsync, ct => StreamAsync(feed, backoff, ct))
        {
            IsFault = static ex => ex is SocketException or IOException,
            BackOffAfterLoss = true,
            Connected = () => Log.WledStreaming(
                _logger, Name, _leds.Length, _options.Host, _options.EffectivePort, _frames.Protocol.ToString().ToUpperInvariant()),
            ConnectFailed = ReportFault,
            Lost = ReportFault,
        };
        await loop.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        if (_frames.Protocol != WledProtocol.Ddp && _socket is not null)
        {
            var exit = new byte[2];
            WledPackets.WriteExit(exit);
            try
            {
                await _socket.SendAsync(exit, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                // The JSON API below leaves live mode as well.
            }
        }

        if (_json is null)
        {
            return;
        }

        try
        {
            await _json.PostStateAsync("""{"live":false}""", cancellationToken).ConfigureAwait(false);
            if (_savedState is not null)
            {
                await _json.PostStateAsync(_savedState, cancellationToken).ConfigureAwait(false);
            }

            Log.WledRestored(_logger, Name);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.WledJsonFailed(_logger, Name, _json.StateUrl, ex);
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket?.Dispose();
        _json?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Reads the state to put back on stop (once: a restart of the stream must not save its own frames). Nothing is
    /// posted: realtime mode starts with the first packet, shows even while WLED is off, and ends by its timeout.
    /// </summary>
    private async Task SaveStateAsync(CancellationToken cancellationToken)
    {
        if (_json is null || _savedState is not null)
        {
            return;
        }

        try
        {
            _savedState = await _json.GetStateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.WledJsonFailed(_logger, Name, _json.StateUrl, ex);
        }
    }

    private void ReportFault(Exception ex) => Status.ReportFault($"cannot send to {_options.Host}:{_options.EffectivePort}: {ex.Message}");

    private async Task OpenSocketAsync(CancellationToken cancellationToken)
    {
        var address = IPAddress.TryParse(_options.Host, out var literal)
            ? literal
            : (await Dns.GetHostAddressesAsync(_options.Host, cancellationToken).ConfigureAwait(false))[0];
        _socket?.Dispose();
        _socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Connect(new IPEndPoint(address, _options.EffectivePort));
    }
}
