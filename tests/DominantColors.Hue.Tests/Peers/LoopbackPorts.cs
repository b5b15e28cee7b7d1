using System.Net;
using System.Net.Sockets;

namespace DominantColors.Hue.Tests.Peers;

/// <summary>Free loopback ports for peers that cannot bind port 0 and report back.</summary>
internal static class LoopbackPorts
{
    public static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
