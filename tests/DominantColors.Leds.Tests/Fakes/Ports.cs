using System.Net;
using System.Net.Sockets;

namespace DominantColors.Leds.Tests.Fakes;

/// <summary>Free UDP ports for peers that must be told a port (the npm receivers bind the one they are given).</summary>
internal static class Ports
{
    public static int FreeUdp()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
