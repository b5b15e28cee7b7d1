namespace DominantColors.Sources.V4l2;

/// <summary>The V4L2 four-character codes this source converts, and MJPEG, which it sends to ffmpeg.</summary>
public static class V4l2PixelFormats
{
    public const uint Yuyv = 0x56595559;
    public const uint Uyvy = 0x59565955;
    public const uint Nv12 = 0x3231564e;
    public const uint Mjpeg = 0x47504a4d;
    public const uint Jpeg = 0x4745504a;

    public static string ToFourCc(uint pixelFormat) => string.Create(4, pixelFormat, static (chars, code) =>
    {
        for (var i = 0; i < 4; i++)
        {
            var c = (char)((code >> (8 * i)) & 0xff);
            chars[i] = char.IsAsciiLetterOrDigit(c) ? c : ' ';
        }
    });

    /// <summary>Parses <c>yuyv</c>, <c>uyvy</c> or <c>nv12</c> (any case); false for anything else.</summary>
    public static bool TryParse(string? name, out uint pixelFormat)
    {
        pixelFormat = name?.ToUpperInvariant() switch
        {
            "YUYV" or "YUYV422" or "YUY2" => Yuyv,
            "UYVY" or "UYVY422" => Uyvy,
            "NV12" => Nv12,
            _ => 0,
        };
        return pixelFormat != 0;
    }
}
