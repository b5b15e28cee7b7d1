using System.Net;
using System.Net.Sockets;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace DominantColors.Testing.Hue;

/// <summary>
/// The bridge's Entertainment endpoint: DTLS PSK on UDP loopback. Handshakes only while an area is started by our
/// application, with identity = application id (or the key, when <see cref="AcceptKeyAsIdentity"/>) and PSK = the
/// client key; decodes every HueStream frame and shows it on the area's lights (<see cref="FakeHueBridge.ShowStreamed"/>);
/// drops the session (close_notify, area inactive) after <see cref="InactivityTimeout"/> of silence, as the real bridge
/// does after 10 s.
/// </summary>
public sealed class FakeEntertainmentServer : IDisposable
{
    private readonly FakeHueBridge _bridge;
    private readonly Socket _socket;
    private readonly Thread _thread;
    private readonly Lock _gate = new();
    private readonly List<HueStreamFrame> _frames = [];
    private volatile bool _stopped;
    private volatile bool _endSession;
    private volatile bool _silentEnd;
    private volatile bool _deaf;
    private volatile bool _keepFrames = true;
    private long _frameCount;
    private readonly ChangeSignal _changes = new();

    internal FakeEntertainmentServer(FakeHueBridge bridge, TimeSpan inactivityTimeout)
    {
        _bridge = bridge;
        InactivityTimeout = inactivityTimeout;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        _thread = new Thread(Serve) { IsBackground = true, Name = "fake-bridge-dtls" };
        _thread.Start();
    }

    public int Port { get; }

    public TimeSpan InactivityTimeout { get; }

    public bool AcceptKeyAsIdentity { get; set; }

    public bool AcceptApplicationId { get; set; } = true;

    public int Sessions { get; private set; }

    public int Cuts { get; private set; }

    /// <summary>Sessions that ended for any reason (close_notify, stop over REST, inactivity).</summary>
    public int EndedSessions { get; private set; }

    public int RejectedHandshakes { get; private set; }

    /// <summary>Frames that were not HueStream v2, or were for another area than the one started.</summary>
    public int BadFrames { get; private set; }

    public string? LastIdentity { get; private set; }

    /// <summary>Incoming datagrams are dropped while true (the bridge hears silence).</summary>
    public bool Deaf
    {
        get => _deaf;
        set => _deaf = value;
    }

    /// <summary>False stops keeping decoded frames (long runs only count them: see <see cref="FrameCount"/>).</summary>
    public bool KeepFrames
    {
        get => _keepFrames;
        set => _keepFrames = value;
    }

    /// <summary>Every well-formed frame of the started area so far, kept or not.</summary>
    public long FrameCount => Interlocked.Read(ref _frameCount);

    public IReadOnlyList<HueStreamFrame> Frames
    {
        get
        {
            lock (_gate)
            {
                return [.. _frames];
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking after every frame or session change.</summary>
    public Task WaitUntilAsync(Func<FakeEntertainmentServer, bool> condition, TimeSpan timeout) => _changes.WaitUntilAsync(() => condition(this), timeout);

    public void Dispose()
    {
        _stopped = true;
        _socket.Dispose();
        _thread.Join(TimeSpan.FromSeconds(5));
    }

    /// <summary>Ends the current session (the area was stopped over REST).</summary>
    internal void EndSession() => _endSession = true;

    /// <summary>Ends the current session for another application: with a close_notify, or without a word.</summary>
    internal void KillSession(bool alert)
    {
        _silentEnd = !alert;
        _endSession = true;
    }

    private void Serve()
    {
        var buffer = new byte[2048];
        while (!_stopped)
        {
            try
            {
                ServeOneSession(buffer);
            }
            catch (Exception) when (_stopped)
            {
                return;
            }
            catch (Exception ex) when (ex is IOException or SocketException)
            {
                // A failed handshake or a broken session: wait for the next client.
            }
        }
    }

    private void ServeOneSession(byte[] buffer)
    {
        var transport = new FakeServerDatagramTransport(_socket, () => _deaf);
        // Read when the client names itself, so tests may change what is accepted after the server started.
        var check = new FakePskTlsServer.IdentityCheck(
            identity => (AcceptApplicationId && identity == _bridge.ApplicationId) || (AcceptKeyAsIdentity && identity == _bridge.ApplicationKey),
            Convert.FromHexString(_bridge.ClientKey));
        var server = new FakePskTlsServer(new BcTlsCrypto(new SecureRandom()), check);
        DtlsTransport dtls;
        try
        {
            dtls = new DtlsServerProtocol().Accept(server, transport);
        }
        catch (TlsFatalAlert)
        {
            LastIdentity = check.LastIdentity;
            RejectedHandshakes++;
            Signal();
            return;
        }

        LastIdentity = check.LastIdentity;
        var area = _bridge.StreamingArea();
        if (area is null)
        {
            // Not started over REST first: the bridge refuses to stream.
            RejectedHandshakes++;
            dtls.Close();
            Signal();
            return;
        }

        Sessions++;
        _endSession = false;
        _silentEnd = false;
        Signal();
        var lastFrame = Environment.TickCount64;
        while (!_stopped && !_endSession && !server.PeerClosed)
        {
            var read = dtls.Receive(buffer, 0, buffer.Length, 50);
            if (read > 0)
            {
                lastFrame = Environment.TickCount64;
                lock (_gate)
                {
                    if (HueStreamFrame.TryDecode(buffer.AsSpan(0, read), out var frame) && frame!.ConfigurationId == area.Id)
                    {
                        Interlocked.Increment(ref _frameCount);
                        _bridge.ShowStreamed(area, frame);
                        if (_keepFrames)
                        {
                            _frames.Add(frame);
                        }
                    }
                    else
                    {
                        BadFrames++;
                    }
                }

                Signal();
            }
            else if (Environment.TickCount64 - lastFrame >= InactivityTimeout.TotalMilliseconds)
            {
                Cuts++;
                _bridge.Deactivate(area);
                break;
            }
        }

        if (!_silentEnd)
        {
            dtls.Close();
        }

        EndedSessions++;
        Signal();
    }

    private void Signal() => _changes.Signal();
}
