using System.Net;
using System.Net.Sockets;
using System.Text;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace DominantColors.Hue.Streaming;

/// <summary>
/// One DTLS 1.2 PSK session over UDP to a bridge's Entertainment port. Sends never block on the network; incoming
/// records (only alerts, in practice) are drained without waiting so a bridge that hangs up is noticed at once.
/// Not thread-safe: one loop owns it.
/// </summary>
public sealed class DtlsPskConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly DtlsTransport _transport;
    private readonly HuePskTlsClient _client;
    private readonly byte[] _receiveBuffer;
    private readonly DtlsRecordSealer _sealer;
    private bool _disposed;

    private DtlsPskConnection(Socket socket, DtlsTransport transport, HuePskTlsClient client)
    {
        _socket = socket;
        _transport = transport;
        _client = client;
        _receiveBuffer = new byte[transport.GetReceiveLimit()];
        _sealer = new DtlsRecordSealer(
            client.Context!.SecurityParameters.CipherSuite,
            client.KeyBlock ?? throw new InvalidOperationException("The DTLS handshake completed without keys."),
            socket,
            transport.GetSendLimit());
    }

    /// <summary>True once the bridge closed the session or the socket reported an error.</summary>
    public bool IsClosed => _disposed || _client.PeerClosed;

    /// <summary>
    /// Handshakes with <paramref name="endPoint"/> as <paramref name="identity"/> (the application id, or the
    /// application key as fallback) with <paramref name="psk"/> (the 16-byte client key from pairing). Cancelling
    /// closes the socket, which ends the handshake.
    /// </summary>
    public static async Task<DtlsPskConnection> ConnectAsync(
        IPEndPoint endPoint, string identity, ReadOnlyMemory<byte> psk, TimeSpan handshakeTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentException.ThrowIfNullOrEmpty(identity);
        var socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            var crypto = new BcTlsCrypto(new SecureRandom());
            var client = new HuePskTlsClient(
                crypto, new BasicTlsPskIdentity(Encoding.UTF8.GetBytes(identity), psk.ToArray()), (int)handshakeTimeout.TotalMilliseconds);
            var transport = new UdpDatagramTransport(socket);
            DtlsTransport dtls;
            using (cancellationToken.Register(static s => ((Socket)s!).Dispose(), socket))
            {
                // The handshake blocks (BouncyCastle is synchronous): keep it off the caller's thread.
                dtls = await Task.Run(() => new DtlsClientProtocol().Connect(client, transport), CancellationToken.None).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            return new DtlsPskConnection(socket, dtls, client);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            socket.Dispose();
            throw new OperationCanceledException("The DTLS handshake was cancelled.", ex, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Encrypts and sends one datagram; allocates nothing.</summary>
    public void Send(ReadOnlySpan<byte> datagram)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _sealer.Send(datagram);
    }

    /// <summary>
    /// Processes records the bridge sent, without waiting; returns false when the session is over (the bridge closed
    /// it or sent a fatal alert). Allocates nothing when nothing arrived.
    /// </summary>
    public bool DrainIncoming()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (!_client.PeerClosed && _socket.Available > 0)
        {
            _transport.Receive(_receiveBuffer, 0, _receiveBuffer.Length, 1);
        }

        return !_client.PeerClosed;
    }

    /// <summary>Sends close_notify (best effort) and releases the socket.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (!_client.PeerClosed)
            {
                _sealer.SendCloseNotify();
            }
        }
        catch (SocketException)
        {
            // The peer is gone already; there is nobody to tell.
        }
        finally
        {
            _sealer.Dispose();
            _socket.Dispose();
        }
    }
}
