using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace DominantColors.IntegrationTests.Peers;

/// <summary>
/// What systemd does for a <c>Type=notify</c> unit: binds a Unix datagram socket, hands its path to the service in
/// <c>NOTIFY_SOCKET</c>, and reads the service's state datagrams (READY=1, WATCHDOG=1, STOPPING=1). Every datagram is
/// kept with the <see cref="Stopwatch"/> timestamp it arrived at.
/// </summary>
internal sealed class NotifySocket : IDisposable
{
    private readonly Socket _socket;
    private readonly List<Notification> _received = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _receiving;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public NotifySocket(string directory)
    {
        Path = System.IO.Path.Combine(directory, "notify.sock");
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        _socket.Bind(new UnixDomainSocketEndPoint(Path));
        _receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>The value for <c>NOTIFY_SOCKET</c>.</summary>
    public string Path { get; }

    public IReadOnlyList<Notification> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>How many datagrams carried exactly <paramref name="state"/> (e.g. <c>WATCHDOG=1</c>).</summary>
    public int Count(string state) => Received.Count(n => n.States.Contains(state));

    /// <summary>
    /// Waits until <paramref name="condition"/> holds on what was received; false when <paramref name="timeout"/>
    /// passes first (the caller decides whether that is the failure or the expectation).
    /// </summary>
    public async Task<bool> WaitForAsync(Func<IReadOnlyList<Notification>, bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_received)
            {
                if (condition(_received))
                {
                    return true;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                lock (_received)
                {
                    return condition(_received);
                }
            }
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var length = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stopping.Token);
                var text = Encoding.UTF8.GetString(buffer, 0, length);
                lock (_received)
                {
                    _received.Add(new Notification(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), Stopwatch.GetTimestamp()));
                    _changed.TrySetResult();
                    _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Disposed.
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _socket.Dispose();
        _receiving.Wait(TimeSpan.FromSeconds(5));
        _stopping.Dispose();
        File.Delete(Path);
    }

    /// <summary>One datagram: its <c>KEY=VALUE</c> lines and when it arrived.</summary>
    internal sealed record Notification(string[] States, long ReceivedAt);
}
