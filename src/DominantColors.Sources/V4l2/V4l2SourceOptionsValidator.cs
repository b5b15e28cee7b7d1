using DominantColors.Sources.Ffmpeg;

namespace DominantColors.Sources.V4l2;

/// <summary>Checks a V4L2 source section; each error names its key, e.g. <c>source.pixel_format</c>.</summary>
internal static class V4l2SourceOptionsValidator
{
    public static List<string> Validate(V4l2SourceOptions options, string section = "source")
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Device) || !options.Device.StartsWith('/'))
        {
            errors.Add($"{section}.device must be the path of a device node, e.g. /dev/video0.");
        }

        if (options.PixelFormat is { Length: > 0 } format && !V4l2PixelFormats.TryParse(format, out _))
        {
            errors.Add(string.Equals(format, "mjpeg", StringComparison.OrdinalIgnoreCase)
                ? $"{section}.pixel_format mjpeg is not read natively: use {section}.type: ffmpeg with {section}.input_format: mjpeg."
                : $"{section}.pixel_format '{format}' must be yuyv, uyvy or nv12.");
        }

        if (options.VideoSize is { Length: > 0 } size && !FfmpegArguments.TryParseSize(size, out _, out _))
        {
            errors.Add($"{section}.video_size '{size}' must be WIDTHxHEIGHT, e.g. 1280x720.");
        }

        if (options.FrameRate is { } rate && rate is < 1 or > 1000)
        {
            errors.Add($"{section}.frame_rate {rate} must be 1 to 1000.");
        }

        if (options.Buffers is < 2 or > 32)
        {
            errors.Add($"{section}.buffers {options.Buffers} must be 2 to 32.");
        }

        if (options.StallTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{section}.stall_timeout must be positive, e.g. 00:00:05.");
        }

        if (options.ReopenDelay <= TimeSpan.Zero || options.MaxReopenDelay < options.ReopenDelay)
        {
            errors.Add($"{section}.reopen_delay must be positive and at most {section}.max_reopen_delay.");
        }

        return errors;
    }
}
