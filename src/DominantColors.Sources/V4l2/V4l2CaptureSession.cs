using DominantColors.Sources.Capture;

namespace DominantColors.Sources.V4l2;

/// <summary>
/// One open, configured and streaming device with the converter for the format it settled on. Disposing it
/// stops streaming, unmaps the buffers and closes the device.
/// </summary>
internal sealed class V4l2CaptureSession : IDisposable
{
    private static readonly uint[] Convertible = [V4l2PixelFormats.Yuyv, V4l2PixelFormats.Uyvy, V4l2PixelFormats.Nv12];

    private V4l2CaptureSession(IV4l2Device device, YuvFrameConverter converter, string description)
    {
        Device = device;
        Converter = converter;
        Description = description;
    }

    public IV4l2Device Device { get; }

    public YuvFrameConverter Converter { get; }

    /// <summary>e.g. <c>YUYV 1920x1080</c>, for logs.</summary>
    public string Description { get; }

    /// <summary>
    /// Negotiates a format the converter reads, maps the buffers and starts streaming; takes ownership of
    /// <paramref name="device"/>. Throws <see cref="NotSupportedException"/> for devices no retry will mend
    /// (not a capture device, MJPEG only).
    /// </summary>
    public static V4l2CaptureSession Start(IV4l2Device device, V4l2SourceOptions options, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            var capabilities = device.QueryCapabilities();
            if (!capabilities.CanCapture || !capabilities.CanStream)
            {
                throw new NotSupportedException($"{device.Path} ({capabilities.Card}, {capabilities.Driver}) is not a video capture device with streaming I/O.");
            }

            var pixelFormat = ChooseFormat(device, options);
            var (requestWidth, requestHeight) = ChooseSize(device, options, pixelFormat);
            var actual = device.SetFormat(pixelFormat, requestWidth, requestHeight);
            if (Array.IndexOf(Convertible, actual.PixelFormat) < 0)
            {
                throw new NotSupportedException($"{device.Path} switched to {V4l2PixelFormats.ToFourCc(actual.PixelFormat)} when asked for {V4l2PixelFormats.ToFourCc(pixelFormat)}.");
            }

            if (options.FrameRate is { } rate)
            {
                _ = device.SetFrameRate(rate);
            }

            var converter = new YuvFrameConverter(actual.PixelFormat, actual.Width, actual.Height, actual.BytesPerLine, width, height);
            _ = device.MapBuffers(options.Buffers);
            device.StartStreaming();
            return new V4l2CaptureSession(device, converter, $"{V4l2PixelFormats.ToFourCc(actual.PixelFormat)} {actual.Width}x{actual.Height}");
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    public void Dispose() => Device.Dispose();

    private static uint ChooseFormat(IV4l2Device device, V4l2SourceOptions options)
    {
        var offered = device.EnumerateFormats();
        var wanted = V4l2PixelFormats.TryParse(options.PixelFormat, out var configured) ? [configured] : Convertible;
        foreach (var format in wanted)
        {
            if (offered.Any(f => f.PixelFormat == format))
            {
                return format;
            }
        }

        var list = offered.Count == 0 ? "none" : string.Join(", ", offered.Select(f => f.FourCc.Trim()));
        if (offered.Any(f => f.PixelFormat is V4l2PixelFormats.Mjpeg or V4l2PixelFormats.Jpeg))
        {
            throw new NotSupportedException(
                $"{device.Path} delivers {list}, not {string.Join('/', wanted.Select(V4l2PixelFormats.ToFourCc))}: for MJPEG use source type: ffmpeg with input: {device.Path}, format: v4l2 and input_format: mjpeg.");
        }

        throw new NotSupportedException($"{device.Path} delivers {list}; the v4l2 source reads YUYV, UYVY or NV12; use source type: ffmpeg.");
    }

    private static (int Width, int Height) ChooseSize(IV4l2Device device, V4l2SourceOptions options, uint pixelFormat)
    {
        if (VideoSizeText.TryParse(options.VideoSize, out var width, out var height))
        {
            return (width, height);
        }

        // Small is cheap and plenty for a 64x36 analysis; 640x360 keeps detail for borders and zones.
        var sizes = device.EnumerateFrameSizes(pixelFormat);
        var enough = sizes.Where(s => s.Width >= 640 && s.Height >= 360).OrderBy(s => s.Width * s.Height).ToList();
        if (enough.Count > 0)
        {
            return (enough[0].Width, enough[0].Height);
        }

        return sizes.Count > 0 ? sizes.OrderBy(s => s.Width * s.Height).Select(s => (s.Width, s.Height)).Last() : (640, 360);
    }
}
