namespace DominantColors.Sources.V4l2;

/// <summary>What VIDIOC_QUERYCAP says about a device node.</summary>
public sealed record V4l2Capabilities(string Driver, string Card, string BusInfo, bool CanCapture, bool CanStream);
