namespace DominantColors.Sources.V4l2;

/// <summary>The format the driver settled on after VIDIOC_S_FMT.</summary>
internal sealed record V4l2ActualFormat(uint PixelFormat, int Width, int Height, int BytesPerLine, int SizeImage);
