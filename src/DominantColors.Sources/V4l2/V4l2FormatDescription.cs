namespace DominantColors.Sources.V4l2;

/// <summary>One pixel format a device offers (VIDIOC_ENUM_FMT).</summary>
public sealed record V4l2FormatDescription(uint PixelFormat, string Description, bool Compressed)
{
    /// <summary>The four-character code, e.g. <c>YUYV</c> or <c>MJPG</c>.</summary>
    public string FourCc => V4l2PixelFormats.ToFourCc(PixelFormat);
}
