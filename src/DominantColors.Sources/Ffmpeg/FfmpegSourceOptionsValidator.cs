namespace DominantColors.Sources.Ffmpeg;

/// <summary>Checks an ffmpeg source section; each error names its key, e.g. <c>source.video_size</c>.</summary>
internal static class FfmpegSourceOptionsValidator
{
    public static List<string> Validate(FfmpegSourceOptions options, string section = "source")
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Input))
        {
            errors.Add($"{section}.input is required: what ffmpeg should open, e.g. /dev/video0, a file or rtsp://camera/stream.");
        }

        if (options.InputFormat is { Length: > 0 } inputFormat
            && !inputFormat.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            errors.Add($"{section}.input_format '{inputFormat}' is not a pixel format name, e.g. mjpeg or yuyv422.");
        }

        if (options.VideoSize is { Length: > 0 } size && !FfmpegArguments.TryParseSize(size, out _, out _))
        {
            errors.Add($"{section}.video_size '{size}' must be WIDTHxHEIGHT, e.g. 1920x1080.");
        }

        if (options.FrameRate is { } rate && !(rate > 0 && rate <= 1000))
        {
            errors.Add($"{section}.frame_rate {rate} must be above 0 and at most 1000.");
        }

        if (options.Lowres is { } lowres && lowres is < 0 or > 3)
        {
            errors.Add($"{section}.lowres {lowres} must be 0 to 3 (decode at 1/2^n of the size).");
        }

        if (options.StallTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{section}.stall_timeout must be positive, e.g. 00:00:05.");
        }

        if (options.RestartDelay <= TimeSpan.Zero || options.MaxRestartDelay < options.RestartDelay)
        {
            errors.Add($"{section}.restart_delay must be positive and at most {section}.max_restart_delay.");
        }

        if (string.IsNullOrWhiteSpace(options.FfmpegPath))
        {
            errors.Add($"{section}.ffmpeg_path must name the ffmpeg binary, e.g. ffmpeg or /usr/bin/ffmpeg.");
        }

        return errors;
    }
}
