using System.Net;
using System.Net.Sockets;

namespace DominantColors.IntegrationTests.Peers;

/// <summary>
/// Stands in for a WLED controller's UDP port on loopback: counts and keeps the datagrams it receives, and can close
/// its port (the host is unreachable: the daemon's sends meet ICMP port unreachable) and listen on it again.
/// </summary>
internal sealed class UdpPeer : IDisposable
{
    private readonly Lock _gate = new();
    private Socket? _socket;
    private Task? _receiving;
    private long _received;
    private byte[] _last = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public UdpPeer()
    {
        Listen(0);
    }

    public int Port { get; private set; }

    public long Received => Interlocked.Read(ref _received);

    /// <summary>The newest datagram.</summary>
    public byte[] Last
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <summary>Stops listening: datagrams to <see cref="Port"/> now bounce.</summary>
    public void Close()
    {
        var socket = _socket;
        _socket = null;
        socket?.Dispose();
        _receiving?.Wait(TimeSpan.FromSeconds(5));
    }

    /// <summary>Listens on the same port again.</summary>
    public void Reopen() => Listen(Port);

    /// <summary>Waits until <paramref name="count"/> datagrams more than <paramref name="after"/> arrived.</summary>
    public async Task WaitForAsync(long after, int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (Received >= after + count)
                {
                    return;
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Fewer than {count} datagrams reached UDP port {Port} within {timeout.TotalSeconds:0.#} s (had {Received - after}).");
            }
        }
    }

    /// <summary>Waits until the newest datagram satisfies <paramref name="match"/>.</summary>
    public async Task WaitUntilAsync(Func<byte[], bool> match, TimeSpan timeout, string what)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (match(_last))
                {
                    return;
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"UDP port {Port} never received {what} within {timeout.TotalSeconds:0.#} s; last datagram {Convert.ToHexString(Last)}.");
            }
        }
    }

    public void Dispose() => Close();

    private void Listen(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        _socket = socket;
        _receiving = Task.Run(() => ReceiveLoopAsync(socket));
    }

    private async Task ReceiveLoopAsync(Socket socket)
    {
        var buffer = new byte[65536];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None);
                TaskCompletionSource arrived;
                lock (_gate)
                {
                    _last = buffer[..read];
                    Interlocked.Increment(ref _received);
                    arrived = _arrived;
                    _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                arrived.TrySetResult();
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Closed.
        }
    }
}
