namespace DominantColors.Sources.Ffmpeg;

/// <summary>
/// Checks an ffmpeg source section. Each problem comes with its key (as the config spells it, e.g. <c>videoSize</c>)
/// and says what is wrong and what is allowed; the caller puts the section path in front.
/// </summary>
internal static class FfmpegSourceOptionsValidator
{
    public static List<(string Key, string Message)> Validate(FfmpegSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(options.Input))
        {
            errors.Add(("input", "is required: what ffmpeg should open, e.g. /dev/video0, a file or rtsp://camera/stream"));
        }

        if (options.InputFormat is { Length: > 0 } inputFormat
            && !inputFormat.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            errors.Add(("input_format", $"'{inputFormat}' is not a pixel format name; use e.g. mjpeg or yuyv422"));
        }

        if (options.VideoSize is { Length: > 0 } size && !FfmpegArguments.TryParseSize(size, out _, out _))
        {
            errors.Add(("videoSize", $"'{size}' must be WIDTHxHEIGHT, e.g. 1920x1080"));
        }

        if (options.FrameRate is { } rate && !(rate > 0 && rate <= 1000))
        {
            errors.Add(("frameRate", $"must be above 0 and at most 1000, got {rate}"));
        }

        if (options.Lowres is { } lowres && lowres is < 0 or > 3)
        {
            errors.Add(("lowres", $"must be 0 to 3 (decode MJPEG at 1/2^n of the size), got {lowres}"));
        }

        if (options.StallTimeout <= TimeSpan.Zero)
        {
            errors.Add(("stallTimeout", "must be positive, e.g. 00:00:05"));
        }

        if (options.StartTimeout is { } start && (start <= TimeSpan.Zero || start < options.StallTimeout))
        {
            errors.Add(("startTimeout", $"must be positive and at least stallTimeout ({options.StallTimeout:c}): it is the longer wait allowed before each ffmpeg start's first frame; got {start:c}"));
        }

        if (options.RestartDelay <= TimeSpan.Zero || options.MaxRestartDelay < options.RestartDelay)
        {
            errors.Add(("restartDelay", "must be positive and at most maxRestartDelay"));
        }

        if (string.IsNullOrWhiteSpace(options.FfmpegPath))
        {
            errors.Add(("ffmpegPath", "must name the ffmpeg binary, e.g. ffmpeg or /usr/bin/ffmpeg"));
        }

        return errors;
    }
}
