using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DominantColors.Frames;
using DominantColors.Sources.Capture;
using Microsoft.Extensions.Logging;

namespace DominantColors.Sources.Hyperion;

/// <summary>
/// <c>source.type: hyperion</c>: a server for Hyperion's FlatBuffers image stream (the protocol of hyperion.ng's and
/// HyperHDR's flatbufserver, see hyperion_request.fbs), so grabber apps and forwarders can feed the analysis. Any
/// number of senders may connect; the pictures of the one that wins by priority reach <see cref="ReadFrameAsync"/>,
/// newest only. While nobody sends, no frames come.
/// </summary>
public sealed class HyperionFrameSource : IFrameSource
{
    private readonly HyperionSourceOptions _options;
    private readonly PeerAllowList _allow;
    private readonly ILogger _logger;
    private readonly LatestFrameSlot _slot = new();
    private readonly HyperionPriorityTable _table = new();
    private readonly HyperionFrameOutput _output;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<Task> _connections = [];
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;

    public HyperionFrameSource(HyperionSourceOptions options, int width, int height, TimeProvider time, ILogger<HyperionFrameSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _allow = new PeerAllowList(options.Allow);
        _logger = logger;
        _output = new HyperionFrameOutput(new FramePool(width, height), _slot, time);
        Name = string.Create(CultureInfo.InvariantCulture, $"hyperion:{options.Address}:{options.Port}");
    }

    public string Name { get; }

    /// <summary>Where the server listens once started (port 0 in the options picks a free one).</summary>
    public IPEndPoint? LocalEndPoint => _listener?.LocalEndPoint as IPEndPoint;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var address = IPAddress.Parse(_options.Address);
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                listener.DualMode = true;
            }

            listener.Bind(new IPEndPoint(address, _options.Port));
            listener.Listen(16);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        Log.HyperionListening(_logger, Name, listener.LocalEndPoint?.ToString() ?? Name);
        _acceptLoop = AcceptLoopAsync(listener, _stopping.Token);
        return Task.CompletedTask;
    }

    public ValueTask<Frame?> ReadFrameAsync(CancellationToken cancellationToken) => _slot.TakeAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        Task[] connections;
        lock (_gate)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections).ConfigureAwait(false);
        _slot.Dispose();
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (stopping.IsCancellationRequested && e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            catch (SocketException e)
            {
                Log.HyperionAcceptFailed(_logger, Name, e);
                continue;
            }

            Serve(socket, stopping);
        }
    }

    private void Serve(Socket socket, CancellationToken stopping)
    {
        var remote = socket.RemoteEndPoint as IPEndPoint;
        var peer = remote?.ToString() ?? "an unknown peer";
        if (remote is null || !_allow.Allows(remote.Address))
        {
            Log.HyperionRefused(_logger, Name, peer);
            socket.Dispose();
            return;
        }

        socket.NoDelay = true;
        Log.HyperionConnected(_logger, Name, peer);
        var connection = new HyperionConnection(socket, new HyperionSender(peer), _table, _output, _options.Timeout, _logger, Name);
        lock (_gate)
        {
            _connections.RemoveAll(static t => t.IsCompleted);
            _connections.Add(Task.Run(() => connection.RunAsync(stopping), CancellationToken.None));
        }
    }
}
