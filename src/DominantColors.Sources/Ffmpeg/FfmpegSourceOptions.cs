namespace DominantColors.Sources.Ffmpeg;

/// <summary>
/// The <c>source</c> section when <c>type: ffmpeg</c>: any input ffmpeg can open (a V4L2 device, a file, a
/// network stream, a <c>lavfi</c> graph), scaled by ffmpeg to the analysis size and read as raw RGB24.
/// Config keys are the camelCase property names: <c>input</c>, <c>format</c>, <c>inputFormat</c>, <c>videoSize</c>,
/// <c>frameRate</c>, <c>lowres</c>, <c>realtime</c>, <c>stallTimeout</c>, <c>restartDelay</c>, <c>maxRestartDelay</c>,
/// <c>restartAtEnd</c>, <c>ffmpegPath</c>, <c>inputArguments</c>.
/// </summary>
public sealed class FfmpegSourceOptions
{
    /// <summary>What ffmpeg opens with <c>-i</c>: <c>/dev/video0</c>, a file, <c>rtsp://...</c>, a lavfi graph.</summary>
    public string Input { get; set; } = "";

    /// <summary>ffmpeg's input format (<c>-f</c>), e.g. <c>v4l2</c> or <c>lavfi</c>; empty lets ffmpeg guess.</summary>
    public string? Format { get; set; }

    /// <summary>The pixel format a V4L2 device should deliver (<c>-input_format</c>): <c>mjpeg</c> or <c>yuyv422</c>.</summary>
    public string? InputFormat { get; set; }

    /// <summary>The size the device should deliver (<c>-video_size</c>), e.g. <c>1920x1080</c>.</summary>
    public string? VideoSize { get; set; }

    /// <summary>Frames per second the device should deliver (<c>-framerate</c>).</summary>
    public double? FrameRate { get; set; }

    /// <summary>
    /// MJPEG only: decode at 1/2^n of the size (<c>-lowres n</c>, 0 to 3), far cheaper for a 64x36 analysis.
    /// Unset: chosen from <see cref="VideoSize"/> so the decoded picture stays at least 4x the analysis size.
    /// </summary>
    public int? Lowres { get; set; }

    /// <summary>Play files at their own frame rate (<c>-re</c>) instead of as fast as ffmpeg can decode.</summary>
    public bool Realtime { get; set; }

    /// <summary>No frame for this long means ffmpeg has stalled: its process tree is killed and restarted.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The first wait before a restart; it doubles on each failed restart up to <see cref="MaxRestartDelay"/>.</summary>
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When the input ends (a file played once), start it again; false ends the source.</summary>
    public bool RestartAtEnd { get; set; } = true;

    /// <summary>The ffmpeg binary: a name looked up on PATH, or a path.</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>More input options, placed before <c>-i</c> as given (e.g. <c>-rtsp_transport</c>, <c>tcp</c>).</summary>
    public IReadOnlyList<string> InputArguments { get; set; } = [];
}
