namespace DominantColors.Sources.V4l2;

/// <summary>
/// The narrow seam between capture and the kernel: one open V4L2 device node. The real one issues ioctls on a
/// file descriptor; tests use a fake that serves canned buffers, times out, or unplugs.
/// Failures throw <see cref="V4l2Exception"/>, with <see cref="V4l2Exception.DeviceGone"/> set when reopening may help.
/// </summary>
internal interface IV4l2Device : IDisposable
{
    string Path { get; }

    /// <summary>VIDIOC_QUERYCAP.</summary>
    V4l2Capabilities QueryCapabilities();

    /// <summary>VIDIOC_ENUM_FMT for video capture.</summary>
    IReadOnlyList<V4l2FormatDescription> EnumerateFormats();

    /// <summary>VIDIOC_ENUM_FRAMESIZES: discrete sizes, or the smallest and the largest of a range.</summary>
    IReadOnlyList<V4l2FrameSize> EnumerateFrameSizes(uint pixelFormat);

    /// <summary>VIDIOC_ENUM_FRAMEINTERVALS as frames per second: discrete rates, or the slowest and fastest of a range.</summary>
    IReadOnlyList<double> EnumerateFrameRates(uint pixelFormat, int width, int height);

    /// <summary>VIDIOC_S_FMT; returns what the driver actually chose.</summary>
    V4l2ActualFormat SetFormat(uint pixelFormat, int width, int height);

    /// <summary>VIDIOC_S_PARM; false when the driver does not let the rate be set.</summary>
    bool SetFrameRate(int framesPerSecond);

    /// <summary>VIDIOC_REQBUFS, then QUERYBUF, mmap and QBUF for each; returns how many buffers the driver gave.</summary>
    int MapBuffers(int count);

    /// <summary>VIDIOC_STREAMON.</summary>
    void StartStreaming();

    /// <summary>VIDIOC_STREAMOFF.</summary>
    void StopStreaming();

    /// <summary>
    /// Waits at most <paramref name="timeoutMilliseconds"/> (poll) for a filled buffer and dequeues it (VIDIOC_DQBUF);
    /// false when none came in time. The buffer belongs to the caller until it is handed back with <see cref="Queue"/>.
    /// </summary>
    bool TryDequeue(int timeoutMilliseconds, out int index, out int bytesUsed);

    /// <summary>The whole mapped buffer <paramref name="index"/>; only the first <c>bytesUsed</c> bytes hold the frame.</summary>
    ReadOnlySpan<byte> GetBuffer(int index);

    /// <summary>VIDIOC_QBUF: hands a dequeued buffer back to the driver.</summary>
    void Queue(int index);
}
