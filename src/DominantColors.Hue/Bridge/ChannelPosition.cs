namespace DominantColors.Hue.Bridge;

/// <summary>
/// Where an entertainment channel sits in its area, each axis −1 to 1: x left to right, y back (screen) to front,
/// z bottom to top.
/// </summary>
public readonly record struct ChannelPosition(double X, double Y, double Z);
