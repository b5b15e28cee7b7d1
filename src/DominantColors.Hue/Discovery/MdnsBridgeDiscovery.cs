using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DominantColors.Hue.Discovery;

/// <summary>
/// Finds bridges on the local link with one mDNS question for <c>_hue._tcp.local</c> PTR records (unicast response
/// requested), sent to 224.0.0.251:5353, then collects answers until the time is up. The bridge id and model come from
/// the TXT record (<c>bridgeid=</c>, <c>modelid=</c>), the address from the answer's sender.
/// </summary>
public static class MdnsBridgeDiscovery
{
    private static readonly IPEndPoint Group = new(IPAddress.Parse("224.0.0.251"), 5353);

    public static async Task<IReadOnlyList<DiscoveredBridge>> DiscoverAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Any, 0));
        socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, 255);
        var found = new Dictionary<IPAddress, DiscoveredBridge>();
        try
        {
            await socket.SendToAsync(Query(), SocketFlags.None, Group, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return []; // no multicast route (no network): nothing to find
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(duration);
        var buffer = new byte[9000];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token).ConfigureAwait(false);
                var from = ((IPEndPoint)result.RemoteEndPoint).Address;
                if (TryParseAnswer(buffer.AsSpan(0, result.ReceivedBytes), out var bridgeId, out var modelId))
                {
                    found[from] = new DiscoveredBridge(from, bridgeId, modelId);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Time is up.
        }
        catch (SocketException)
        {
            // The network went away: report what was found.
        }

        return [.. found.Values];
    }

    /// <summary>The query: one question, <c>_hue._tcp.local</c> PTR, class IN with the unicast-response bit.</summary>
    internal static byte[] Query()
    {
        var message = new List<byte> { 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (var label in "_hue._tcp.local".Split('.'))
        {
            message.Add((byte)label.Length);
            message.AddRange(Encoding.ASCII.GetBytes(label));
        }

        message.AddRange([0, 0, 12, 0x80, 1]);
        return [.. message];
    }

    /// <summary>True when the message answers for <c>_hue._tcp</c>; reads TXT <c>bridgeid</c> and <c>modelid</c>.</summary>
    internal static bool TryParseAnswer(ReadOnlySpan<byte> message, out string? bridgeId, out string? modelId)
    {
        bridgeId = null;
        modelId = null;
        if (message.Length < 12 || (message[2] & 0x80) == 0)
        {
            return false; // not a response
        }

        var questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        var records = BinaryPrimitives.ReadUInt16BigEndian(message[6..]) + BinaryPrimitives.ReadUInt16BigEndian(message[8..])
            + BinaryPrimitives.ReadUInt16BigEndian(message[10..]);
        var offset = 12;
        var isHue = false;
        try
        {
            for (var i = 0; i < questions; i++)
            {
                offset = SkipName(message, offset) + 4;
            }

            for (var i = 0; i < records; i++)
            {
                isHue |= ReadName(message, offset).Contains("_hue._tcp", StringComparison.OrdinalIgnoreCase);
                offset = SkipName(message, offset);
                var type = BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
                var length = BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 8)..]);
                var data = message.Slice(offset + 10, length);
                if (type == 16)
                {
                    for (var p = 0; p < data.Length; p += data[p] + 1)
                    {
                        var entry = Encoding.ASCII.GetString(data.Slice(p + 1, data[p]));
                        bridgeId = entry.StartsWith("bridgeid=", StringComparison.OrdinalIgnoreCase) ? entry[9..].ToLowerInvariant() : bridgeId;
                        modelId = entry.StartsWith("modelid=", StringComparison.OrdinalIgnoreCase) ? entry[8..] : modelId;
                    }
                }

                offset += 10 + length;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            return isHue; // truncated: keep what was read
        }

        return isHue;
    }

    private static int SkipName(ReadOnlySpan<byte> message, int offset)
    {
        while (true)
        {
            var length = message[offset];
            if (length == 0)
            {
                return offset + 1;
            }

            if ((length & 0xC0) == 0xC0)
            {
                return offset + 2;
            }

            offset += length + 1;
        }
    }

    private static string ReadName(ReadOnlySpan<byte> message, int offset)
    {
        var name = new StringBuilder();
        for (var jumps = 0; jumps < 16; jumps++)
        {
            var length = message[offset];
            if (length == 0)
            {
                break;
            }

            if ((length & 0xC0) == 0xC0)
            {
                offset = ((length & 0x3F) << 8) | message[offset + 1];
                continue;
            }

            name.Append(Encoding.ASCII.GetString(message.Slice(offset + 1, length))).Append('.');
            offset += length + 1;
        }

        return name.ToString();
    }
}
