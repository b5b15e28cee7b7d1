using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using DominantColors.Testing;
using DominantColors.Testing.Daemon;
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
        await SendAsync(stream, Register("daemon test", 150));
        await SendAsync(stream, Color(0xFF0000));
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

    /// <summary>Sends one request and reads its reply (hyperion_reply.fbs), which must carry no error.</summary>
    private static async Task SendAsync(NetworkStream stream, byte[] body)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(header, body.Length);
        await stream.WriteAsync(header);
        await stream.WriteAsync(body);
        await stream.ReadExactlyAsync(header).AsTask().WaitAsync(Guard);
        var reply = new byte[BinaryPrimitives.ReadInt32BigEndian(header)];
        await stream.ReadExactlyAsync(reply).AsTask().WaitAsync(Guard);
        var root = BinaryPrimitives.ReadInt32LittleEndian(reply);
        Assert.Equal(0, new Table(root, new ByteBuffer(reply)).__offset(4));
    }

    // hyperion_request.fbs: Request { command: Command (Color = 1, Register = 4) }.
    private static byte[] Register(string origin, int priority)
    {
        var b = new FlatBufferBuilder(64);
        var name = b.CreateString(origin);
        b.StartTable(2);
        b.AddOffset(0, name.Value, 0);
        b.AddInt(1, priority, 0);
        return Request(b, 4, b.EndTable());
    }

    private static byte[] Color(int rgb)
    {
        var b = new FlatBufferBuilder(64);
        b.StartTable(2);
        b.AddInt(0, rgb, 0);
        return Request(b, 1, b.EndTable());
    }

    private static byte[] Request(FlatBufferBuilder b, byte type, int command)
    {
        b.StartTable(2);
        b.AddByte(0, type, 0);
        b.AddOffset(1, command, 0);
        b.Finish(b.EndTable());
        return b.SizedByteArray();
    }
}
