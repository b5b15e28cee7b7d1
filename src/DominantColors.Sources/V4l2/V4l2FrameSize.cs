namespace DominantColors.Sources.V4l2;

/// <summary>A frame size a device offers for one pixel format.</summary>
public readonly record struct V4l2FrameSize(int Width, int Height);
