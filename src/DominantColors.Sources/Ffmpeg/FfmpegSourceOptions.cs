using System.ComponentModel.DataAnnotations;
using DominantColors.Sources.Capture;
using Microsoft.Extensions.Configuration;

namespace DominantColors.Sources.Ffmpeg;

/// <summary>
/// The <c>source</c> section when <c>type: ffmpeg</c>: any input ffmpeg can open (a V4L2 device, a file, a
/// network stream, a <c>lavfi</c> graph), scaled by ffmpeg to the analysis size and read as raw RGB24.
/// Config keys are the camelCase property names, but for <c>input_format</c>, spelled as ffmpeg spells it (a contract):
/// <c>input</c>, <c>format</c>, <c>input_format</c>, <c>videoSize</c>,
/// <c>frameRate</c>, <c>lowres</c>, <c>realtime</c>, <c>stallTimeout</c>, <c>startTimeout</c>, <c>restartDelay</c>, <c>maxRestartDelay</c>,
/// <c>restartAtEnd</c>, <c>ffmpegPath</c>, <c>inputArguments</c>.
/// </summary>
public sealed class FfmpegSourceOptions : IValidatableObject
{
    /// <summary>What ffmpeg opens with <c>-i</c>: <c>/dev/video0</c>, a file, <c>rtsp://...</c>, a lavfi graph.</summary>
    public string Input { get; set; } = "";

    /// <summary>ffmpeg's input format (<c>-f</c>), e.g. <c>v4l2</c> or <c>lavfi</c>; empty lets ffmpeg guess.</summary>
    public string? Format { get; set; }

    /// <summary>The pixel format a V4L2 device should deliver (<c>-input_format</c>): <c>mjpeg</c> or <c>yuyv422</c>.</summary>
    [ConfigurationKeyName("input_format")]
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

    /// <summary>
    /// The start-up allowance when <see cref="StartTimeout"/> is unset (unless <see cref="StallTimeout"/> is longer).
    /// Opening a network stream can take this long before ffmpeg has a frame: connecting and the RTSP handshake, up
    /// to 5 s of stream analysis (ffmpeg's default <c>analyzeduration</c>), then waiting for the next key frame (IP
    /// cameras send one every 1 to 4 s, some less often); a loaded Raspberry Pi adds its own start-up time.
    /// </summary>
    public static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Once frames flow, no frame for this long means ffmpeg has stalled: its process tree is killed and restarted.
    /// Before each start's first frame, <see cref="StartAllowance"/> applies instead.
    /// </summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long each start of ffmpeg may take to its first frame before it counts as stalled. Unset:
    /// <see cref="DefaultStartTimeout"/>, or <see cref="StallTimeout"/> when that is longer.
    /// </summary>
    public TimeSpan? StartTimeout { get; set; }

    /// <summary>The wait allowed before each start's first frame: <see cref="StartTimeout"/> or its default.</summary>
    public TimeSpan StartAllowance => StartTimeout ?? (StallTimeout > DefaultStartTimeout ? StallTimeout : DefaultStartTimeout);

    /// <summary>The first wait before a restart; it doubles on each failed restart up to <see cref="MaxRestartDelay"/>.</summary>
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When the input ends (a file played once), start it again; false ends the source.</summary>
    public bool RestartAtEnd { get; set; } = true;

    /// <summary>The ffmpeg binary: a name looked up on PATH, or a path.</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>More input options, placed before <c>-i</c> as given (e.g. <c>-rtsp_transport</c>, <c>tcp</c>).</summary>
    public IReadOnlyList<string> InputArguments { get; set; } = [];

    /// <summary>Each problem at its key (as the config spells it, e.g. <c>videoSize</c>), saying what is wrong and what is allowed.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Input))
        {
            yield return new ValidationResult("is required: what ffmpeg should open, e.g. /dev/video0, a file or rtsp://camera/stream", ["input"]);
        }

        if (InputFormat is { Length: > 0 } inputFormat
            && !inputFormat.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            yield return new ValidationResult($"'{inputFormat}' is not a pixel format name; use e.g. mjpeg or yuyv422", ["input_format"]);
        }

        if (VideoSize is { Length: > 0 } size && !VideoSizeText.TryParse(size, out _, out _))
        {
            yield return new ValidationResult($"'{size}' must be WIDTHxHEIGHT, e.g. 1920x1080", ["videoSize"]);
        }

        if (FrameRate is { } rate && !(rate > 0 && rate <= 1000))
        {
            yield return new ValidationResult($"must be above 0 and at most 1000, got {rate}", ["frameRate"]);
        }

        if (Lowres is { } lowres && lowres is < 0 or > 3)
        {
            yield return new ValidationResult($"must be 0 to 3 (decode MJPEG at 1/2^n of the size), got {lowres}", ["lowres"]);
        }

        if (StallTimeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult("must be positive, e.g. 00:00:05", ["stallTimeout"]);
        }

        if (StartTimeout is { } start && (start <= TimeSpan.Zero || start < StallTimeout))
        {
            yield return new ValidationResult($"must be positive and at least stallTimeout ({StallTimeout:c}): it is the longer wait allowed before each ffmpeg start's first frame; got {start:c}", ["startTimeout"]);
        }

        if (RestartDelay <= TimeSpan.Zero || MaxRestartDelay < RestartDelay)
        {
            yield return new ValidationResult("must be positive and at most maxRestartDelay", ["restartDelay"]);
        }

        if (string.IsNullOrWhiteSpace(FfmpegPath))
        {
            yield return new ValidationResult("must name the ffmpeg binary, e.g. ffmpeg or /usr/bin/ffmpeg", ["ffmpegPath"]);
        }
    }
}
