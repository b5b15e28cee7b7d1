namespace DominantColors.Hue.Bridge;

/// <summary>One channel of an entertainment area: the id HueStream addresses, its position, the lights it drives.</summary>
public sealed record EntertainmentChannel(byte ChannelId, ChannelPosition Position, IReadOnlyList<string> LightIds);
