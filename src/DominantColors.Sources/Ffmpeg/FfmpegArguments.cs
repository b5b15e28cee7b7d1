using System.Globalization;
using DominantColors.Sources.Capture;

namespace DominantColors.Sources.Ffmpeg;

/// <summary>
/// The ffmpeg command line for a source: input options, then one output that scales to the analysis size
/// and writes raw RGB24 frames to stdout, one after another, with no container around them.
/// </summary>
internal static class FfmpegArguments
{
    public static List<string> Build(FfmpegSourceOptions options, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(options);
        var args = new List<string> { "-hide_banner", "-nostdin", "-nostats", "-loglevel", "error" };
        if (options.Realtime)
        {
            args.Add("-re");
        }

        if (!string.IsNullOrEmpty(options.Format))
        {
            args.AddRange(["-f", options.Format]);
        }

        if (!string.IsNullOrEmpty(options.InputFormat))
        {
            args.AddRange(["-input_format", options.InputFormat]);
        }

        if (!string.IsNullOrEmpty(options.VideoSize))
        {
            args.AddRange(["-video_size", options.VideoSize]);
        }

        if (options.FrameRate is { } rate)
        {
            args.AddRange(["-framerate", rate.ToString(CultureInfo.InvariantCulture)]);
        }

        var lowres = LowresFor(options, width, height);
        if (lowres > 0)
        {
            args.AddRange(["-lowres", lowres.ToString(CultureInfo.InvariantCulture)]);
        }

        args.AddRange(options.InputArguments);
        args.AddRange(["-i", options.Input]);

        // Area averaging is the right filter for a large reduction; passthrough keeps ffmpeg from duplicating
        // or dropping frames to hit a rate, so every frame the input delivers arrives once, as soon as it can.
        var scale = string.Create(CultureInfo.InvariantCulture, $"scale={width}:{height}:flags=area,format=rgb24");
        args.AddRange(["-an", "-sn", "-dn", "-map", "0:v:0", "-vf", scale, "-fps_mode", "passthrough"]);
        args.AddRange(["-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"]);
        return args;
    }

    /// <summary>
    /// The MJPEG decode reduction: the configured one, or the largest (up to 3, i.e. 1/8) that keeps the decoded
    /// picture at least four times the analysis size, so area averaging still has pixels to average.
    /// </summary>
    public static int LowresFor(FfmpegSourceOptions options, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Lowres is { } configured)
        {
            return configured;
        }

        if (!string.Equals(options.InputFormat, "mjpeg", StringComparison.OrdinalIgnoreCase)
            || !VideoSizeText.TryParse(options.VideoSize, out var videoWidth, out var videoHeight))
        {
            return 0;
        }

        var lowres = 3;
        while (lowres > 0 && ((videoWidth >> lowres) < 4 * width || (videoHeight >> lowres) < 4 * height))
        {
            lowres--;
        }

        return lowres;
    }
}
