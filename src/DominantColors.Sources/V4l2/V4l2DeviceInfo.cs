namespace DominantColors.Sources.V4l2;

/// <summary>A capture device as <c>dominant-colors devices</c> lists it.</summary>
public sealed record V4l2DeviceInfo(string Path, string Card, string Driver, string BusInfo, IReadOnlyList<V4l2FormatInfo> Formats);
