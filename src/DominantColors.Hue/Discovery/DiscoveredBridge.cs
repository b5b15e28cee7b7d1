using System.Net;

namespace DominantColors.Hue.Discovery;

/// <summary>A bridge that answered an mDNS query: where it is and, when it said so, its bridge id and model.</summary>
public sealed record DiscoveredBridge(IPAddress Address, string? BridgeId, string? ModelId);
