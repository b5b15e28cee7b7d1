namespace DominantColors.Hue.Bridge;

/// <summary>What the bridge says about an entertainment area's stream: whether it is active, and for which application.</summary>
public readonly record struct EntertainmentStatus(bool IsActive, string? ActiveStreamerId);
