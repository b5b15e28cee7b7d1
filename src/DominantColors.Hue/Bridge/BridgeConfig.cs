namespace DominantColors.Hue.Bridge;

/// <summary>The unauthenticated <c>GET /api/config</c> answer.</summary>
public sealed record BridgeConfig(string BridgeId, string? Name, string? ModelId, string? SoftwareVersion);
