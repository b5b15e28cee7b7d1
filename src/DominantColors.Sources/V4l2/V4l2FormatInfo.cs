namespace DominantColors.Sources.V4l2;

/// <summary>One pixel format of a device with its frame sizes and, per size, its frame rates.</summary>
public sealed record V4l2FormatInfo(string FourCc, string Description, bool Compressed, IReadOnlyList<V4l2SizeInfo> Sizes);
