using System.ComponentModel.DataAnnotations;
using DominantColors.Sources.Capture;

namespace DominantColors.Sources.V4l2;

/// <summary>
/// The <c>source</c> section when <c>type: v4l2</c>: a capture device read natively (YUYV, UYVY or NV12), no ffmpeg.
/// Config keys are the camelCase property names: <c>device</c>, <c>pixelFormat</c>, <c>videoSize</c>, <c>frameRate</c>,
/// <c>buffers</c>, <c>stallTimeout</c>, <c>reopenDelay</c>, <c>maxReopenDelay</c>.
/// </summary>
public sealed class V4l2SourceOptions : IValidatableObject
{
    public string Device { get; set; } = "/dev/video0";

    /// <summary><c>yuyv</c>, <c>uyvy</c> or <c>nv12</c>; unset takes the first of these the device offers.</summary>
    public string? PixelFormat { get; set; }

    /// <summary>e.g. <c>1280x720</c>; unset takes the smallest size of at least 640x360 the device offers.</summary>
    public string? VideoSize { get; set; }

    /// <summary>Frames per second to ask the device for; unset keeps the driver's choice.</summary>
    public int? FrameRate { get; set; }

    /// <summary>Memory-mapped buffers to queue; more absorb scheduling hiccups, fewer keep latency down.</summary>
    public int Buffers { get; set; } = 4;

    /// <summary>No frame for this long and the device is closed and opened again (grabbers that go quiet).</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The first wait before opening the device again; it doubles up to <see cref="MaxReopenDelay"/>.</summary>
    public TimeSpan ReopenDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReopenDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Each problem at its key (as the config spells it, e.g. <c>pixelFormat</c>), saying what is wrong and what is allowed.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Device) || !Device.StartsWith('/'))
        {
            yield return new ValidationResult("must be the path of a device node, e.g. /dev/video0", ["device"]);
        }

        if (PixelFormat is { Length: > 0 } format && !V4l2PixelFormats.TryParse(format, out _))
        {
            yield return new ValidationResult(string.Equals(format, "mjpeg", StringComparison.OrdinalIgnoreCase)
                ? "mjpeg is not read natively: use type: ffmpeg with format: v4l2 and input_format: mjpeg"
                : $"'{format}' is not allowed; use one of yuyv | uyvy | nv12", ["pixelFormat"]);
        }

        if (VideoSize is { Length: > 0 } size && !VideoSizeText.TryParse(size, out _, out _))
        {
            yield return new ValidationResult($"'{size}' must be WIDTHxHEIGHT, e.g. 1280x720", ["videoSize"]);
        }

        if (FrameRate is { } rate && rate is < 1 or > 1000)
        {
            yield return new ValidationResult($"must be between 1 and 1000, got {rate}", ["frameRate"]);
        }

        if (Buffers is < 2 or > 32)
        {
            yield return new ValidationResult($"must be between 2 and 32, got {Buffers}", ["buffers"]);
        }

        if (StallTimeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult("must be positive, e.g. 00:00:05", ["stallTimeout"]);
        }

        if (ReopenDelay <= TimeSpan.Zero || MaxReopenDelay < ReopenDelay)
        {
            yield return new ValidationResult("must be positive and at most maxReopenDelay", ["reopenDelay"]);
        }
    }
}
