using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace DominantColors.Sources.Tests.Hyperion;

/// <summary>A grabber over real TCP: sends length-prefixed requests, reads the length-prefixed replies.</summary>
public sealed class HyperionTestClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TcpClient _client = new();
    private NetworkStream? _stream;

    public static async Task<HyperionTestClient> ConnectAsync(IPEndPoint server)
    {
        var client = new HyperionTestClient();
        await client._client.ConnectAsync(server).WaitAsync(Patience);
        client._client.NoDelay = true;
        client._stream = client._client.GetStream();
        return client;
    }

    public async Task SendAsync(byte[] message) => await _stream!.WriteAsync(message).AsTask().WaitAsync(Patience);

    /// <summary>Sends and waits for the reply: once it is here, the server has handled the request.</summary>
    public async Task<HyperionReply> RequestAsync(byte[] message)
    {
        await SendAsync(message);
        return await ReadReplyAsync() ?? throw new InvalidOperationException("the server closed the connection instead of replying");
    }

    /// <summary>The next reply, or null when the server has closed the connection.</summary>
    public async Task<HyperionReply?> ReadReplyAsync()
    {
        var header = new byte[4];
        if (!await ReadExactlyAsync(header))
        {
            return null;
        }

        var body = new byte[BinaryPrimitives.ReadInt32BigEndian(header)];
        return await ReadExactlyAsync(body) ? HyperionReply.Parse(body) : null;
    }

    /// <summary>Completes when the server has closed the connection (reading any replies still on the way).</summary>
    public async Task WaitClosedAsync()
    {
        while (await ReadReplyAsync() is not null)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }

        _client.Dispose();
    }

    private async Task<bool> ReadExactlyAsync(byte[] buffer)
    {
        try
        {
            await _stream!.ReadExactlyAsync(buffer).AsTask().WaitAsync(Patience);
            return true;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            return false;
        }
    }
}
