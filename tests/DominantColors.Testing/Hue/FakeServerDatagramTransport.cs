using System.Net;
using System.Net.Sockets;
using Org.BouncyCastle.Tls;

namespace DominantColors.Testing.Hue;

/// <summary>
/// The server side of one DTLS session on a shared unconnected UDP socket: it follows the first peer whose datagram
/// is a ClientHello-carrying handshake record (epoch 0) and ignores everyone else. While <c>deaf()</c> holds it drops every
/// incoming datagram, as if the network lost them.
/// </summary>
internal sealed class FakeServerDatagramTransport(Socket socket, Func<bool> deaf) : DatagramTransport
{
    private EndPoint? _peer;

    public int GetReceiveLimit() => 1472;

    public int GetSendLimit() => 1472;

    public int Receive(byte[] buf, int off, int len, int waitMillis) => Receive(buf.AsSpan(off, len), waitMillis);

    public int Receive(Span<byte> buffer, int waitMillis)
    {
        var deadline = Environment.TickCount64 + (waitMillis == 0 ? int.MaxValue : waitMillis);
        while (true)
        {
            var remaining = deadline - Environment.TickCount64;
            if (remaining <= 0 || !socket.Poll((int)Math.Min(remaining * 1000, int.MaxValue), SelectMode.SelectRead))
            {
                return -1;
            }

            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            var read = socket.ReceiveFrom(buffer, SocketFlags.None, ref from);
            if (deaf())
            {
                continue;
            }

            if (_peer is null && read >= 13 && buffer[0] == 22 && buffer[3] == 0 && buffer[4] == 0)
            {
                _peer = from;
            }

            if (from.Equals(_peer))
            {
                return read;
            }
        }
    }

    public void Send(byte[] buf, int off, int len) => Send(buf.AsSpan(off, len));

    public void Send(ReadOnlySpan<byte> buffer)
    {
        if (_peer is not null)
        {
            socket.SendTo(buffer, SocketFlags.None, _peer);
        }
    }

    public void Close()
    {
        // The socket outlives the session: the next client handshakes on it.
    }
}
