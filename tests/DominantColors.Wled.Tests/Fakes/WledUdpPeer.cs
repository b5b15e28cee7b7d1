using System.Net;
using System.Net.Sockets;

namespace DominantColors.Wled.Tests.Fakes;

/// <summary>
/// A WLED controller's two realtime ports on loopback: the notifier port (UDP realtime: DRGB, DNRGB…) and the DDP
/// port, each feeding <see cref="WledRealtime"/> in arrival order as the firmware's loop does.
/// </summary>
internal sealed class WledUdpPeer : IAsyncDisposable
{
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly UdpClient _ddp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _loops;
    private readonly SemaphoreSlim _arrived = new(0);
    private long _handled;

    public WledUdpPeer(WledRealtime realtime)
    {
        Realtime = realtime;
        _loops = [ReceiveAsync(_udp, realtime.HandleUdp), ReceiveAsync(_ddp, realtime.HandleDdp)];
    }

    public WledRealtime Realtime { get; }

    /// <summary>The port WLED reads UDP realtime on (21324 on a real controller).</summary>
    public int UdpPort => ((IPEndPoint)_udp.Client.LocalEndPoint!).Port;

    /// <summary>The port WLED reads DDP on (4048 on a real controller).</summary>
    public int DdpPort => ((IPEndPoint)_ddp.Client.LocalEndPoint!).Port;

    /// <summary>Waits until <paramref name="count"/> datagrams (both ports together) have been handled.</summary>
    public async Task WaitForPacketsAsync(long count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Interlocked.Read(ref _handled) < count)
        {
            await _arrived.WaitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _udp.Dispose();
        _ddp.Dispose();
        await Task.WhenAll(_loops);
        _stop.Dispose();
        _arrived.Dispose();
    }

    private async Task ReceiveAsync(UdpClient client, Action<ReadOnlySpan<byte>> handle)
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult datagram;
            try
            {
                datagram = await client.ReceiveAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            handle(datagram.Buffer);
            Interlocked.Increment(ref _handled);
            _arrived.Release();
        }
    }
}
