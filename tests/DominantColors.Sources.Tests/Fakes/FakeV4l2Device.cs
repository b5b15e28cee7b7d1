using System.Collections.Concurrent;
using DominantColors.Sources.V4l2;

namespace DominantColors.Sources.Tests.Fakes;

/// <summary>
/// A V4L2 device in memory: offers the formats it is given, hands out canned buffers in the order they were
/// enqueued through real buffer bookkeeping (a buffer not queued back cannot be dequeued again), and can unplug.
/// </summary>
internal sealed class FakeV4l2Device : IV4l2Device
{
    private readonly ConcurrentQueue<(byte[]? Data, int BytesUsed)> _steps = new();
    private readonly SemaphoreSlim _stepAdded = new(0);
    private byte[][] _buffers = [];
    private bool[] _withDriver = [];
    private int _next;

    public FakeV4l2Device(string path, uint pixelFormat, int width, int height, int bytesPerLine, params uint[] otherFormats)
    {
        Path = path;
        PixelFormat = pixelFormat;
        Width = width;
        Height = height;
        BytesPerLine = bytesPerLine;
        Formats = [.. otherFormats.Prepend(pixelFormat).Where(f => f != 0)];
    }

    public string Path { get; }

    public uint PixelFormat { get; }

    public int Width { get; }

    public int Height { get; }

    public int BytesPerLine { get; }

    public List<uint> Formats { get; }

    public bool CanCapture { get; init; } = true;

    public int FrameSize => PixelFormat == V4l2PixelFormats.Nv12 ? BytesPerLine * Height * 3 / 2 : BytesPerLine * Height;

    public bool Streaming { get; private set; }

    public bool Disposed { get; private set; }

    public (int Width, int Height) RequestedSize { get; private set; }

    public void EnqueueFrame(byte[] data, int? bytesUsed = null)
    {
        _steps.Enqueue((data, bytesUsed ?? data.Length));
        _stepAdded.Release();
    }

    /// <summary>The next dequeue fails as an unplugged device does (ENODEV).</summary>
    public void EnqueueUnplug()
    {
        _steps.Enqueue((null, 0));
        _stepAdded.Release();
    }

    public V4l2Capabilities QueryCapabilities() => new("fake", "Fake Grabber", "usb-fake", CanCapture, CanCapture);

    public IReadOnlyList<V4l2FormatDescription> EnumerateFormats() =>
        [.. Formats.Select(f => new V4l2FormatDescription(f, V4l2PixelFormats.ToFourCc(f), f is V4l2PixelFormats.Mjpeg))];

    public IReadOnlyList<V4l2FrameSize> EnumerateFrameSizes(uint pixelFormat) => [new(Width / 2, Height / 2), new(Width, Height)];

    public IReadOnlyList<double> EnumerateFrameRates(uint pixelFormat, int width, int height) => [60, 30];

    public V4l2ActualFormat SetFormat(uint pixelFormat, int width, int height)
    {
        RequestedSize = (width, height);
        return new V4l2ActualFormat(PixelFormat, Width, Height, BytesPerLine, FrameSize);
    }

    public bool SetFrameRate(int framesPerSecond) => true;

    public int MapBuffers(int count)
    {
        _buffers = [.. Enumerable.Range(0, count).Select(_ => new byte[FrameSize])];
        _withDriver = [.. Enumerable.Repeat(true, count)];
        return count;
    }

    public void StartStreaming() => Streaming = true;

    public void StopStreaming() => Streaming = false;

    public bool TryDequeue(int timeoutMilliseconds, out int index, out int bytesUsed)
    {
        index = -1;
        bytesUsed = 0;
        ObjectDisposedException.ThrowIf(Disposed, this);
        if (!Streaming)
        {
            throw new InvalidOperationException("Dequeue before VIDIOC_STREAMON.");
        }

        if (!_stepAdded.Wait(timeoutMilliseconds))
        {
            return false;
        }

        _steps.TryDequeue(out var step);
        if (step.Data is null)
        {
            throw new V4l2Exception("VIDIOC_DQBUF", Path, 19);
        }

        index = _next;
        _next = (_next + 1) % _buffers.Length;
        if (!_withDriver[index])
        {
            throw new InvalidOperationException($"Buffer {index} was never queued back.");
        }

        _withDriver[index] = false;
        step.Data.CopyTo(_buffers[index], 0);
        bytesUsed = step.BytesUsed;
        return true;
    }

    public ReadOnlySpan<byte> GetBuffer(int index) => _buffers[index];

    public void Queue(int index)
    {
        if (_withDriver[index])
        {
            throw new InvalidOperationException($"Buffer {index} is queued already.");
        }

        _withDriver[index] = true;
    }

    public void Dispose()
    {
        Disposed = true;
        Streaming = false;
    }
}
