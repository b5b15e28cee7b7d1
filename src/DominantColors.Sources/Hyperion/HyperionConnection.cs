using System.Buffers.Binary;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace DominantColors.Sources.Hyperion;

/// <summary>
/// One sender's TCP connection: length-prefixed messages in, a reply for each out. The receive buffer is reused and
/// grows only for a larger message. A quiet sender is closed after the timeout (on the source's
/// <see cref="TimeProvider"/>), as Hyperion does; whatever ends the connection clears its priority.
/// </summary>
internal sealed class HyperionConnection
{
    private readonly Socket _socket;
    private readonly HyperionSender _sender;
    private readonly HyperionPriorityTable _table;
    private readonly HyperionRequestHandler _handler;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _source;
    private readonly byte[] _header = new byte[4];
    private byte[] _message = new byte[4096];

    public HyperionConnection(Socket socket, HyperionSender sender, HyperionPriorityTable table, HyperionFrameOutput output, TimeSpan timeout, ILogger logger, string source)
    {
        _socket = socket;
        _sender = sender;
        _table = table;
        _timeout = timeout;
        _time = output.Time;
        _logger = logger;
        _source = source;
        _handler = new HyperionRequestHandler(sender, table, output, logger, source);
    }

    /// <summary>Serves the connection until the peer leaves, times out, misbehaves or <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        // Created with the timeout so that its timer, and every re-arming, runs on the source's TimeProvider.
        using var idle = new CancellationTokenSource(_timeout, _time);
        using var stop = stopping.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), idle);
        _table.Add(_sender);
        var peerLeft = false;
        try
        {
            peerLeft = await ServeAsync(idle).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The source is stopping.
        }
        catch (OperationCanceledException)
        {
            Log.HyperionTimedOut(_logger, _source, _sender.Peer, _sender.Origin, _timeout);
        }
        catch (SocketException e)
        {
            Log.HyperionConnectionFailed(_logger, _source, _sender.Peer, e.Message);
        }
        finally
        {
            _table.Remove(_sender);
            _socket.Dispose();
        }

        if (peerLeft)
        {
            // Logged once its priority is gone, so whoever reads this sees the hand-over done.
            Log.HyperionDisconnected(_logger, _source, _sender.Peer);
        }
    }

    /// <summary>Returns <see langword="true"/> when the peer closed the connection, <see langword="false"/> when it was closed for a fault.</summary>
    private async Task<bool> ServeAsync(CancellationTokenSource idleSource)
    {
        var idle = idleSource.Token;
        while (await ReadExactlyAsync(_header, 4, idle).ConfigureAwait(false))
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(_header);
            if (length is 0 or > HyperionSchema.MaxMessageLength)
            {
                Log.HyperionMalformed(_logger, _source, _sender.Peer, $"it announced a message of {length} bytes; 1 to {HyperionSchema.MaxMessageLength} are allowed");
                return false;
            }

            if (_message.Length < length)
            {
                _message = new byte[length];
            }

            if (!await ReadExactlyAsync(_message, (int)length, idle).ConfigureAwait(false))
            {
                break;
            }

            // Re-armed before the reply goes out: a sender that has its reply knows the timeout runs from here.
            idleSource.CancelAfter(_timeout);
            HyperionOutcome outcome;
            try
            {
                outcome = _handler.Handle(_message, (int)length);
            }
            catch (ArgumentOutOfRangeException e)
            {
                Log.HyperionMalformed(_logger, _source, _sender.Peer, $"a field points outside the message ({e.Message})");
                return false;
            }

            await _socket.SendAsync(outcome.Reply, SocketFlags.None, idle).ConfigureAwait(false);
            if (outcome.Fault is not null)
            {
                Log.HyperionMalformed(_logger, _source, _sender.Peer, outcome.Fault);
                return false;
            }
        }

        return true;
    }

    private async ValueTask<bool> ReadExactlyAsync(byte[] buffer, int count, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < count)
        {
            var n = await _socket.ReceiveAsync(buffer.AsMemory(read, count - read), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
