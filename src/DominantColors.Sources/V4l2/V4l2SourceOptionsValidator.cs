using DominantColors.Sources.Ffmpeg;

namespace DominantColors.Sources.V4l2;

/// <summary>
/// Checks a V4L2 source section. Each problem comes with its key (as the config spells it, e.g. <c>pixelFormat</c>)
/// and says what is wrong and what is allowed; the caller puts the section path in front.
/// </summary>
internal static class V4l2SourceOptionsValidator
{
    public static List<(string Key, string Message)> Validate(V4l2SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(options.Device) || !options.Device.StartsWith('/'))
        {
            errors.Add(("device", "must be the path of a device node, e.g. /dev/video0"));
        }

        if (options.PixelFormat is { Length: > 0 } format && !V4l2PixelFormats.TryParse(format, out _))
        {
            errors.Add(("pixelFormat", string.Equals(format, "mjpeg", StringComparison.OrdinalIgnoreCase)
                ? "mjpeg is not read natively: use type: ffmpeg with format: v4l2 and inputFormat: mjpeg"
                : $"'{format}' is not allowed; use one of yuyv | uyvy | nv12"));
        }

        if (options.VideoSize is { Length: > 0 } size && !FfmpegArguments.TryParseSize(size, out _, out _))
        {
            errors.Add(("videoSize", $"'{size}' must be WIDTHxHEIGHT, e.g. 1280x720"));
        }

        if (options.FrameRate is { } rate && rate is < 1 or > 1000)
        {
            errors.Add(("frameRate", $"must be between 1 and 1000, got {rate}"));
        }

        if (options.Buffers is < 2 or > 32)
        {
            errors.Add(("buffers", $"must be between 2 and 32, got {options.Buffers}"));
        }

        if (options.StallTimeout <= TimeSpan.Zero)
        {
            errors.Add(("stallTimeout", "must be positive, e.g. 00:00:05"));
        }

        if (options.ReopenDelay <= TimeSpan.Zero || options.MaxReopenDelay < options.ReopenDelay)
        {
            errors.Add(("reopenDelay", "must be positive and at most maxReopenDelay"));
        }

        return errors;
    }
}
