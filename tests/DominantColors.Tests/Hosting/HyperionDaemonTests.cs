using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using DominantColors.Testing;
using DominantColors.Testing.Daemon;
using DominantColors.Testing.Hyperion;
using Google.FlatBuffers;

namespace DominantColors.Tests.Hosting;

/// <summary>The daemon with <c>source.type: hyperion</c>, fed by a grabber over loopback TCP.</summary>
public sealed class HyperionDaemonTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Run_GrabberSendsRed_RedReachesTheLights()
    {
        var port = FreePort();
        await using var daemon = DaemonHarness.Start($"""
            source:
              type: hyperion
              port: {port}
            lights:
              - name: tv
            outputs:
              - type: test
                lights: [tv]
            """);
        // The daemon listens before it waits for its first frame, but after the host's other services have started.
        using var grabber = await ConnectAsync(port);
        var stream = grabber.GetStream();
        await SendAsync(stream, HyperionRequests.RegisterRequest("daemon test", 150));
        await SendAsync(stream, HyperionRequests.ColorRequest(0xFF0000));
        await daemon.WaitStartedAsync();
        // No more frames come: the pipeline ticks every 100 ms, and each tick publishes.
        await daemon.RunAsync(TimeSpan.FromMilliseconds(100), 10);

        var tv = Assert.Single(daemon.Sinks.Recording().Latest!);
        Assert.True(tv.R > 200 && tv.G < 40 && tv.B < 40, $"the light shows {tv}, not red");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task<TcpClient> ConnectAsync(int port)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, guard.Token);
                return client;
            }
            catch (SocketException) when (!guard.IsCancellationRequested)
            {
                client.Dispose();
                await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, guard.Token);
            }
        }
    }

    /// <summary>Sends one request (its length in front) and reads its reply (hyperion_reply.fbs), which must carry no error.</summary>
    private static async Task SendAsync(NetworkStream stream, byte[] message)
    {
        await stream.WriteAsync(message);
        var header = new byte[4];
        await stream.ReadExactlyAsync(header).AsTask().WaitAsync(Guard);
        var reply = new byte[BinaryPrimitives.ReadInt32BigEndian(header)];
        await stream.ReadExactlyAsync(reply).AsTask().WaitAsync(Guard);
        var root = BinaryPrimitives.ReadInt32LittleEndian(reply);
        Assert.Equal(0, new Table(root, new ByteBuffer(reply)).__offset(4));
    }
}
