namespace DominantColors.Sources.V4l2;

/// <summary>A frame size and the frame rates (per second) a device offers at it.</summary>
public sealed record V4l2SizeInfo(int Width, int Height, IReadOnlyList<double> FrameRates);
