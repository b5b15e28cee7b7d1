using System.Globalization;

namespace DominantColors.Sources.Capture;

/// <summary>The <c>video_size</c> spelling that ffmpeg and the V4L2 source both take: <c>WIDTHxHEIGHT</c>.</summary>
internal static class VideoSizeText
{
    /// <summary>Parses <c>WIDTHxHEIGHT</c>, e.g. <c>1920x1080</c>.</summary>
    public static bool TryParse(string? text, out int width, out int height)
    {
        width = 0;
        height = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var x = text.IndexOf('x', StringComparison.Ordinal);
        return x > 0
            && int.TryParse(text.AsSpan(0, x), NumberStyles.None, CultureInfo.InvariantCulture, out width)
            && int.TryParse(text.AsSpan(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out height)
            && width > 0 && height > 0;
    }
}
