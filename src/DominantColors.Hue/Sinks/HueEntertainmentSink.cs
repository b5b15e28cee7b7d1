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

namespace DominantColors.Hue.Sinks;

/// <summary>
/// <c>type: hue, mode: entertainment</c>: streams an entertainment area over DTLS at a steady rate. Each attempt reads
/// the area, starts it (taking it over if allowed, else waiting while another application streams to it), handshakes
/// and streams until the bridge hangs up, something fails or colors stay black (TV off); then it reads who owns the
/// area, stops it only if that is still us, and starts over with a new socket and handshake, after a growing delay
/// when it failed. The area is released when the sink stops; the lights' earlier state is put back with light
/// commands inside the bridge's <see cref="RestCommandBudget"/>, which it shares with REST outputs.
/// </summary>
public sealed partial class HueEntertainmentSink : IColorSink
{
    /// <summary>The wait after the first failure of an episode; it doubles up to <see cref="ReconnectBackoff.DefaultMax"/>.</summary>
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(0.5);

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
        var backoff = new ReconnectBackoff(FirstDelay, ReconnectBackoff.DefaultMax, _time)
        {
            FirstFailure = f => Log.SinkFailed(_logger, Name, f.Reason, f.Delay, f.Error!),
            Recovered = attempts => Log.SinkRecovered(_logger, Name, attempts),
        };
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    var end = await StreamOnceAsync(feed, () =>
                    {
                        backoff.Succeed();
                        Status.ReportConnected();
                    }, cancellationToken).ConfigureAwait(false);

                    // Another application took the area: not a fault; the next attempt waits until it is free (or,
                    // with takeOver, takes it back).
                    var other = await ReleaseAreaAsync().ConfigureAwait(false);
                    if (other is not null)
                    {
                        if (_options.TakeOver)
                        {
                            Status.ReportFault($"application {other} took the entertainment area");
                        }

                        continue;
                    }

                    switch (end)
                    {
                        case StreamEnd.BridgeClosed:
                            Status.ReportFault("the bridge closed the stream");
                            break;
                        case StreamEnd.StatusLost:
                            Status.ReportFault("the entertainment area stopped streaming from us");
                            break;
                        case StreamEnd.Paused:
                            await WaitForColorsAsync(feed, cancellationToken).ConfigureAwait(false);
                            break;
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is HueBridgeException or IOException or SocketException or TlsException or TimeoutException
                    or InvalidOperationException)
                {
                    // Read who owns the area before anything else: a failure because another application took it is
                    // not retried against that application (with takeOver, it is, after the usual delay).
                    if (await ReleaseAreaAsync().ConfigureAwait(false) is not null && !_options.TakeOver)
                    {
                        continue;
                    }

                    Status.ReportFault(ex.Message);
                    if (!await backoff.FailAndWaitAsync(ex, cancellationToken).ConfigureAwait(false))
                    {
                        return;
                    }
                }
            }
        }
        finally
        {
            await ReleaseAreaAsync().ConfigureAwait(false);
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
