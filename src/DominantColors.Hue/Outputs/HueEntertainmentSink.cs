using System.Net;
using System.Net.Sockets;
using DominantColors.Colors;
using DominantColors.Hue.Bridge;
using DominantColors.Hue.Colors;
using DominantColors.Hue.Streaming;
using DominantColors.Outputs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Org.BouncyCastle.Tls;

namespace DominantColors.Hue.Outputs;

/// <summary>
/// <c>type: hue, mode: entertainment</c>: streams an entertainment area over DTLS at a steady rate. Each attempt reads
/// the area, starts it (taking it over if allowed), handshakes and streams until the bridge hangs up, something fails
/// or colors stay black (TV off); then it releases the area and starts over with a new socket and handshake, after a
/// growing delay when it failed. The area is stopped when the sink stops; the lights' earlier state is put back with
/// light commands inside the bridge's <see cref="RestCommandBudget"/>, which it shares with REST outputs.
/// </summary>
public sealed partial class HueEntertainmentSink : IColorSink
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private readonly HueBridgeClient _client;
    private readonly HueCredentials _credentials;
    private readonly HueEntertainmentOptions _options;
    private readonly HueChannelMap _channelMap;
    private readonly XyColorConverter _converter;
    private readonly RestCommandBudget _budget;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Rgb24[] _colors;
    private string? _identity;
    private EntertainmentArea? _startedArea;
    private IReadOnlyList<HueLight>? _previous;
    private long _skippedFrames;

    public HueEntertainmentSink(
        string name, HueBridgeClient client, HueCredentials credentials, HueEntertainmentOptions options, IReadOnlyList<string> lights,
        HueChannelMap channelMap, XyColorConverter converter, RestCommandBudget budget, TimeProvider time, ILogger<HueEntertainmentSink>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        Lights = lights ?? throw new ArgumentNullException(nameof(lights));
        _channelMap = channelMap ?? throw new ArgumentNullException(nameof(channelMap));
        _converter = converter ?? throw new ArgumentNullException(nameof(converter));
        _budget = budget ?? throw new ArgumentNullException(nameof(budget));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? NullLogger<HueEntertainmentSink>.Instance;
        _colors = new Rgb24[lights.Count];
    }

    public string Name { get; }

    public IReadOnlyList<string> Lights { get; }

    public SinkStatus Status { get; } = new();

    public async Task RunAsync(LightFeed feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var failures = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    var end = await StreamOnceAsync(feed, () =>
                    {
                        if (failures > 0)
                        {
                            Log.SinkRecovered(_logger, Name, failures);
                        }

                        failures = 0;
                        Status.ReportConnected();
                    }, cancellationToken).ConfigureAwait(false);
                    await StopAreaAsync().ConfigureAwait(false);
                    switch (end)
                    {
                        case StreamEnd.BridgeClosed:
                            Status.ReportFault("the bridge closed the stream");
                            break;
                        case StreamEnd.StatusLost:
                            Status.ReportFault("the entertainment area stopped streaming from us");
                            break;
                    }

                    if (end == StreamEnd.Paused)
                    {
                        await WaitForColorsAsync(feed, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is HueBridgeException or IOException or SocketException or TlsException or TimeoutException
                    or InvalidOperationException)
                {
                    var delay = TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, 0.5 * Math.Pow(2, Math.Min(failures, 6))));
                    Status.ReportFault(ex.Message);
                    if (failures++ == 0)
                    {
                        Log.SinkFailed(_logger, Name, ex.Message, delay, ex);
                    }

                    await StopAreaAsync().ConfigureAwait(false);
                    if (!await DelayAsync(delay, cancellationToken).ConfigureAwait(false))
                    {
                        return;
                    }
                }
            }
        }
        finally
        {
            await StopAreaAsync().ConfigureAwait(false);
        }
    }

    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        if (!_options.Restore || _previous is null)
        {
            return;
        }

        try
        {
            foreach (var light in _previous)
            {
                // Light commands, so inside the bridge's shared budget like a REST output's.
                await _budget.WaitForSlotAsync(cancellationToken).ConfigureAwait(false);
                var command = light.On
                    ? new LightCommand(true, light.Brightness, light.Xy, TimeSpan.FromMilliseconds(400))
                    : new LightCommand(false, null, null, TimeSpan.FromMilliseconds(400));
                await _client.SetLightAsync(light.Id, command, cancellationToken).ConfigureAwait(false);
            }

            Log.Restored(_logger, Name, _previous.Count);
        }
        catch (Exception ex) when (ex is HueBridgeException or IOException or OperationCanceledException)
        {
            Log.RestoreFailed(_logger, Name, ex);
        }
    }

    /// <summary>Disposes the bridge client: the sink owns the one it was given (an HttpClient with its own handler).</summary>
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Waits before the next attempt; false when stopping.</summary>
    private Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        StoppableDelay.WaitAsync(_time, delay, cancellationToken);

    private async Task<EntertainmentArea> FindAreaAsync(CancellationToken cancellationToken)
    {
        var areas = await _client.GetEntertainmentAreasAsync(cancellationToken).ConfigureAwait(false);
        return areas.FirstOrDefault(a => a.Matches(_options.Area))
            ?? throw new HueBridgeException(
                $"Bridge {_client.Address} has no entertainment area '{_options.Area}' (has: {string.Join(", ", areas.Select(a => a.Name))}).");
    }

    /// <summary>
    /// Starts the area and makes sure it is ours; another app's area is taken over only when allowed. The area counts as
    /// ours (and is stopped on the way out) only once that is known, so a stop or failure in between never ends another
    /// app's stream.
    /// </summary>
    private async Task<EntertainmentArea> StartAreaAsync(EntertainmentArea area, CancellationToken cancellationToken)
    {
        var ours = _credentials.ApplicationId;
        if (ours is null || !IsOther(area.ActiveStreamerId, ours))
        {
            _startedArea = area;
        }

        await _client.StartEntertainmentAsync(area.Id, cancellationToken).ConfigureAwait(false);
        if (ours is null)
        {
            return area;
        }

        var now = await FindAreaAsync(cancellationToken).ConfigureAwait(false);
        if (now.ActiveStreamerId is { } other && IsOther(other, ours))
        {
            _startedArea = null;
            if (!_options.TakeOver)
            {
                throw new HueBridgeException(
                    $"Entertainment area '{area.Name}' is in use by application {other}; set takeOver: true to take it over.");
            }

            Log.AreaTakenOver(_logger, Name, area.Name, other);
            _startedArea = area;
            await _client.StopEntertainmentAsync(area.Id, cancellationToken).ConfigureAwait(false);
            await _client.StartEntertainmentAsync(area.Id, cancellationToken).ConfigureAwait(false);
        }

        _startedArea = area;
        return now;

        static bool IsOther(string? streamer, string ours) =>
            streamer is not null && !string.Equals(streamer, ours, StringComparison.OrdinalIgnoreCase);
    }

    private async Task StopAreaAsync()
    {
        if (_startedArea is not { } area)
        {
            return;
        }

        _startedArea = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await _client.StopEntertainmentAsync(area.Id, timeout.Token).ConfigureAwait(false);
            Log.StreamStopped(_logger, Name, area.Name);
        }
        catch (Exception ex) when (ex is HueBridgeException or IOException or OperationCanceledException)
        {
            // The bridge may be unreachable; it releases the area by itself after 10 s without frames.
        }
    }

    /// <summary>Handshakes as the application id, falling back to the application key when the bridge refuses it.</summary>
    private async Task<DtlsPskConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var endPoint = new IPEndPoint(await ResolveAsync(cancellationToken).ConfigureAwait(false), _options.StreamingPort);
        var psk = Convert.FromHexString(_credentials.ClientKey);
        var identity = _identity ?? _credentials.StreamingIdentity;
        try
        {
            var connection = await DtlsPskConnection.ConnectAsync(endPoint, identity, psk, _options.HandshakeTimeout, cancellationToken).ConfigureAwait(false);
            _identity = identity;
            return connection;
        }
        catch (TlsFatalAlertReceived) when (_identity is null && identity != _credentials.ApplicationKey)
        {
            Log.IdentityFallback(_logger, Name);
            var connection = await DtlsPskConnection.ConnectAsync(
                endPoint, _credentials.ApplicationKey, psk, _options.HandshakeTimeout, cancellationToken).ConfigureAwait(false);
            _identity = _credentials.ApplicationKey;
            return connection;
        }
    }

    private async Task<IPAddress> ResolveAsync(CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(_client.Address.Host, out var address))
        {
            return address;
        }

        var addresses = await Dns.GetHostAddressesAsync(_client.Address.Host, cancellationToken).ConfigureAwait(false);
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new HueBridgeException($"Bridge host '{_client.Address.Host}' has no address.");
    }

    private async Task WaitForColorsAsync(LightFeed feed, CancellationToken cancellationToken)
    {
        var seen = feed.CopyLatest(_colors, out _);
        while (AllBlack(_colors))
        {
            await feed.WaitForNewerAsync(seen, cancellationToken).ConfigureAwait(false);
            seen = feed.CopyLatest(_colors, out _);
        }
    }

    private static bool AllBlack(ReadOnlySpan<Rgb24> colors)
    {
        foreach (var color in colors)
        {
            if (color != Rgb24.Black)
            {
                return false;
            }
        }

        return true;
    }
}
