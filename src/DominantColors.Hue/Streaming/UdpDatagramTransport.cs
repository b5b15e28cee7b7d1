using System.Net.Sockets;
using Org.BouncyCastle.Tls;

namespace DominantColors.Hue.Streaming;

/// <summary>BouncyCastle's datagram seam over a connected UDP socket. A timeout returns -1, as DTLS expects.</summary>
internal sealed class UdpDatagramTransport(Socket socket) : DatagramTransport
{
    // Ethernet MTU minus IPv4 and UDP headers.
    private const int DatagramLimit = 1472;

    public int GetReceiveLimit() => DatagramLimit;

    public int GetSendLimit() => DatagramLimit;

    public int Receive(byte[] buf, int off, int len, int waitMillis) => Receive(buf.AsSpan(off, len), waitMillis);

    public int Receive(Span<byte> buffer, int waitMillis)
    {
        // BouncyCastle reads 0 as "wait forever".
        var micros = waitMillis == 0 ? -1 : (int)Math.Min(waitMillis * 1000L, int.MaxValue);
        if (!socket.Poll(micros, SelectMode.SelectRead))
        {
            return -1;
        }

        return socket.Receive(buffer);
    }

    public void Send(byte[] buf, int off, int len) => Send(buf.AsSpan(off, len));

    public void Send(ReadOnlySpan<byte> buffer) => socket.Send(buffer);

    public void Close() => socket.Dispose();
}
