using System.Net;

namespace DominantColors.Sources.Hyperion;

/// <summary>Which peers may connect: loopback always, others only when an <c>allow</c> entry covers them.</summary>
internal sealed class PeerAllowList
{
    private readonly IPNetwork[] _networks;

    public PeerAllowList(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _networks = [.. entries.Select(e => TryParseEntry(e, out var network) ? network : throw new ArgumentException($"'{e}' is not an address or network.", nameof(entries)))];
    }

    /// <summary>Reads <c>192.168.1.40</c> (one address) or <c>192.168.1.0/24</c> (a network).</summary>
    public static bool TryParseEntry(string? entry, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(entry))
        {
            return false;
        }

        if (IPAddress.TryParse(entry, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return IPNetwork.TryParse(entry, out network);
    }

    public bool Allows(IPAddress peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var plain = peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer;
        if (IPAddress.IsLoopback(plain))
        {
            return true;
        }

        foreach (var network in _networks)
        {
            if (network.Contains(plain))
            {
                return true;
            }
        }

        return false;
    }
}
