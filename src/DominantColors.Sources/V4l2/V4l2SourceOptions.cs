using System.ComponentModel.DataAnnotations;

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

    /// <summary>The section's rules across keys (<see cref="V4l2SourceOptionsValidator"/>), each at its key.</summary>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext) =>
        V4l2SourceOptionsValidator.Validate(this).Select(e => new ValidationResult(e.Message, [e.Key]));
}
