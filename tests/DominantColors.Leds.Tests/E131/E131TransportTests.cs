using System.Net;
using System.Net.Sockets;
using DominantColors.Colors;
using DominantColors.Leds.E131;

namespace DominantColors.Leds.Tests.E131;

public sealed class E131TransportTests
{
    [Fact]
    public async Task SendAsync_AfterWarmUp_AllocatesNothing()
    {
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var options = new E131Options { Host = "127.0.0.1", Port = ((IPEndPoint)receiver.LocalEndPoint!).Port, Lights = ["tv"], LedCount = 300 };
        await using var transport = new E131Transport(options, 300);
        await transport.OpenAsync(CancellationToken.None);
        var leds = new Rgb24[300];
        Send(transport, leds);

        var allocated = Send(transport, leds);

        Assert.Equal(0, allocated);
    }

    /// <summary>Ten frames on this thread (UDP sends complete synchronously); returns the bytes this thread allocated.</summary>
    private static long Send(E131Transport transport, Rgb24[] leds)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            var send = transport.SendAsync(leds, CancellationToken.None);
            Assert.True(send.IsCompletedSuccessfully);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
