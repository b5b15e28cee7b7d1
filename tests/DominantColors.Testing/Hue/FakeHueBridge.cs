using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using DominantColors.Hue.Bridge;

namespace DominantColors.Testing.Hue;

/// <summary>
/// A Hue bridge on loopback: HTTPS (TcpListener + SslStream, self-signed certificate with CN = bridge id) serving
/// pairing, /auth/v1, v1 and CLIP v2 lights, entertainment configurations, injectable 429/503/901, and a DTLS PSK
/// Entertainment server (see <see cref="Entertainment"/>). Commands are timestamped with the given clock.
/// </summary>
public sealed partial class FakeHueBridge : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly ConcurrentQueue<int> _failures = new();
    private readonly List<RecordedLightCommand> _commands = [];
    private readonly List<TimeSpan> _refusedAt = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly ChangeSignal _changes = new();

    public FakeHueBridge(TimeProvider? time = null, TimeSpan? inactivityTimeout = null)
    {
        _time = time ?? TimeProvider.System;
        _started = _time.GetTimestamp();
        Certificate = FakeBridgeCertificate.Create(BridgeId);
        Lights =
        [
            new FakeLight("3b5c2a86-0a4d-4a8e-9f4c-5d3c1f0e2b11", "1", "TV left", "C"),
            new FakeLight("7d1e4b92-6c3a-4f5e-8b2d-1a9c0e3f4d22", "2", "TV right", "C"),
            new FakeLight("c2a4e6f8-1b3d-4c5e-9f7a-2b4d6e8f0a33", "3", "Lamp", "B"),
        ];
        Areas = [new FakeArea("0f1e2d3c-4b5a-4968-8776-655443322110", "TV area", [(Lights[0], -0.8, 0.9, 0.0), (Lights[1], 0.8, 0.9, 0.0), (Lights[2], 0.0, -0.5, 0.8)])];
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Address = new BridgeAddress("127.0.0.1", ((IPEndPoint)_listener.LocalEndpoint).Port);
        Entertainment = new FakeEntertainmentServer(this, inactivityTimeout ?? TimeSpan.FromSeconds(10));
        _acceptLoop = AcceptLoopAsync();
    }

    public string BridgeId { get; } = "001788fffe4a5b6c";

    public X509Certificate2 Certificate { get; }

    public string CertificateSha256 => FakeBridgeCertificate.Sha256(Certificate);

    public BridgeAddress Address { get; }

    public IReadOnlyList<FakeLight> Lights { get; }

    public IReadOnlyList<FakeArea> Areas { get; }

    public FakeEntertainmentServer Entertainment { get; }

    /// <summary>The key issued at pairing and accepted afterwards (a bridge already paired with this app).</summary>
    public string ApplicationKey { get; private set; } = "Zq1b9tEr3mWn5xKcVy7uPa2sDf4gHj6kLo8iU0yTrE";

    public string ClientKey { get; private set; } = "5f2e9a1c7b3d8e4f6a0b2c9d1e7f3a5b";

    public string ApplicationId { get; } = "8a1d6b7c-2f3e-4d5c-9b8a-7f6e5d4c3b2a";

    /// <summary>Whether the link button counts as pressed for pairing.</summary>
    public bool LinkButtonPressed { get; set; }

    /// <summary>False makes every /clip/v2 path 404, like a bridge without CLIP v2.</summary>
    public bool SupportsV2 { get; set; } = true;

    /// <summary>False makes /auth/v1 answer without the application id header.</summary>
    public bool ReportsApplicationId { get; set; } = true;

    public int PairingAttempts { get; private set; }

    /// <summary>Credentials as if <c>hue pair</c> had run against this bridge.</summary>
    public HueCredentials Credentials => new()
    {
        BridgeId = BridgeId,
        Bridge = Address.ToString(),
        ApplicationKey = ApplicationKey,
        ClientKey = ClientKey,
        ApplicationId = ApplicationId,
        CertificateSha256 = CertificateSha256,
    };

    /// <summary>Light commands accepted so far.</summary>
    public IReadOnlyList<RecordedLightCommand> LightCommands
    {
        get
        {
            lock (_gate)
            {
                return [.. _commands];
            }
        }
    }

    /// <summary>The next <paramref name="count"/> light commands fail with <paramref name="status"/> (429, 503, or 901 for v1 error 901).</summary>
    public void FailNextLightCommands(int status, int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            _failures.Enqueue(status);
        }
    }

    /// <summary>When injected failures refused a light command (fake bridge clock).</summary>
    public IReadOnlyList<TimeSpan> RefusedAt
    {
        get
        {
            lock (_gate)
            {
                return [.. _refusedAt];
            }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> light commands were accepted.</summary>
    public Task WaitForLightCommandsAsync(int count, TimeSpan timeout) =>
        _changes.WaitUntilAsync(
            () =>
            {
                lock (_gate)
                {
                    return _commands.Count >= count;
                }
            },
            timeout);

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking after every request the bridge answers.</summary>
    public Task WaitUntilAsync(Func<FakeHueBridge, bool> condition, TimeSpan timeout) => _changes.WaitUntilAsync(() => condition(this), timeout);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        Entertainment.Dispose();
        Certificate.Dispose();
        _stop.Dispose();
    }

    private TimeSpan Now => _time.GetElapsedTime(_started);

    private void Record(RecordedLightCommand command)
    {
        lock (_gate)
        {
            _commands.Add(command);
        }

        Signal();
    }

    private void Signal() => _changes.Signal();

    private async Task AcceptLoopAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                connections.Add(ServeAsync(client));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Listener stopped.
        }

        await Task.WhenAll(connections).ConfigureAwait(false);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await using var tls = new SslStream(client.GetStream());
                await tls.AuthenticateAsServerAsync(
                    new SslServerAuthenticationOptions { ServerCertificate = Certificate }, _stop.Token).ConfigureAwait(false);
                var connection = new FakeHttpConnection(tls);
                while (await connection.ReadRequestAsync(_stop.Token).ConfigureAwait(false) is { } request)
                {
                    await connection.WriteAsync(Handle(request), _stop.Token).ConfigureAwait(false);
                    Signal();
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException
                or System.Security.Authentication.AuthenticationException)
            {
                // The client went away or refused our certificate: both are part of the tests.
            }
        }
    }
}
