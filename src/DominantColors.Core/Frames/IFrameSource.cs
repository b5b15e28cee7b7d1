namespace DominantColors.Frames;

/// <summary>
/// Where frames come from: a pattern generator, a watched folder, ffmpeg or a V4L2 device.
/// A source recovers from its own faults (a restarted process, a reopened device) inside <see cref="ReadFrameAsync"/>.
/// </summary>
public interface IFrameSource : IAsyncDisposable
{
    /// <summary>A short name for logs and the status page, e.g. <c>pattern</c> or <c>v4l2:/dev/video0</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Opens the device, starts the process or checks the folder: the work that must be done before the service
    /// reports ready. Throws only for faults that no retry can mend (a missing binary, a configuration error).
    /// </summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Waits for the next frame. The caller owns the returned frame and disposes it.
    /// Returns <see langword="null"/> when the source has ended for good (a file played once).
    /// </summary>
    ValueTask<Frame?> ReadFrameAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Whether the last frame stands until the next one comes (a still picture): a pause between frames is then not
    /// a lost signal. The TV-off wait does not start without frames, and the systemd watchdog takes a live analysis
    /// loop as proof of life instead of new frames, so such a source need not repeat its picture to keep it shown.
    /// </summary>
    bool HoldsLastFrame => false;
}
