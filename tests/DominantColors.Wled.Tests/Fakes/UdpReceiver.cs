using System.Net;
using System.Net.Sockets;

namespace DominantColors.Wled.Tests.Fakes;

/// <summary>Stands in for a WLED controller's UDP port: hands the test every datagram, byte for byte.</summary>
internal sealed class UdpReceiver : IDisposable
{
    private readonly UdpClient _client = new(new IPEndPoint(IPAddress.Loopback, 0));

    public int Port => ((IPEndPoint)_client.Client.LocalEndPoint!).Port;

    public async Task<byte[]> NextAsync()
    {
        var result = await _client.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return result.Buffer;
    }

    public void Dispose() => _client.Dispose();
}
