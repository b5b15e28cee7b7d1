using System.Runtime.InteropServices;
using System.Text;
using DominantColors.Sources.V4l2.Native;

namespace DominantColors.Sources.V4l2;

/// <summary>
/// A V4L2 device node opened non-blocking, with memory-mapped streaming buffers. Frames are read straight out
/// of the mapped buffers; every wait goes through poll with a timeout. 64-bit Linux only (the struct layouts).
/// </summary>
internal sealed unsafe class V4l2Device : IV4l2Device
{
    private readonly List<(nint Address, int Length)> _buffers = [];
    private int _fd;
    private bool _streaming;

    private V4l2Device(string path, int fd)
    {
        Path = path;
        _fd = fd;
    }

    public string Path { get; }

    /// <summary>Opens <paramref name="path"/>; a missing or unplugged device throws with <see cref="V4l2Exception.DeviceGone"/> set.</summary>
    public static IV4l2Device Open(string path)
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            throw new PlatformNotSupportedException($"The native V4L2 source needs 64-bit Linux; use source.type: ffmpeg for {path}.");
        }

        var fd = LibC.Open(path, LibC.ReadWrite | LibC.NonBlocking | LibC.CloseOnExec);
        return fd < 0 ? throw new V4l2Exception("open", path, Marshal.GetLastPInvokeError()) : new V4l2Device(path, fd);
    }

    public V4l2Capabilities QueryCapabilities()
    {
        var capability = default(V4l2Capability);
        Call(V4l2Ioctl.QueryCapability, &capability, "VIDIOC_QUERYCAP");
        var caps = (capability.Capabilities & V4l2Ioctl.CapabilityDeviceCaps) != 0 ? capability.DeviceCaps : capability.Capabilities;
        return new V4l2Capabilities(
            Text(capability.Driver, 16),
            Text(capability.Card, 32),
            Text(capability.BusInfo, 32),
            (caps & V4l2Ioctl.CapabilityVideoCapture) != 0,
            (caps & V4l2Ioctl.CapabilityStreaming) != 0);
    }

    public IReadOnlyList<V4l2FormatDescription> EnumerateFormats()
    {
        var formats = new List<V4l2FormatDescription>();
        for (uint index = 0; ; index++)
        {
            var descriptor = new V4l2FormatDescriptor { Index = index, Type = V4l2Ioctl.BufferTypeVideoCapture };
            if (!TryCall(V4l2Ioctl.EnumerateFormat, &descriptor, "VIDIOC_ENUM_FMT"))
            {
                return formats;
            }

            formats.Add(new V4l2FormatDescription(
                descriptor.PixelFormat,
                Text(descriptor.Description, 32),
                (descriptor.Flags & V4l2Ioctl.FormatFlagCompressed) != 0));
        }
    }

    public IReadOnlyList<V4l2FrameSize> EnumerateFrameSizes(uint pixelFormat)
    {
        var sizes = new List<V4l2FrameSize>();
        for (uint index = 0; ; index++)
        {
            var size = new V4l2FrameSizeEnum { Index = index, PixelFormat = pixelFormat };
            if (!TryCall(V4l2Ioctl.EnumerateFrameSizes, &size, "VIDIOC_ENUM_FRAMESIZES"))
            {
                return sizes;
            }

            if (size.Type == 1)
            {
                sizes.Add(new V4l2FrameSize((int)size.Union[0], (int)size.Union[1]));
                continue;
            }

            // A range: its ends are enough to choose from and to list.
            sizes.Add(new V4l2FrameSize((int)size.Union[0], (int)size.Union[3]));
            sizes.Add(new V4l2FrameSize((int)size.Union[1], (int)size.Union[4]));
            return sizes;
        }
    }

    public IReadOnlyList<double> EnumerateFrameRates(uint pixelFormat, int width, int height)
    {
        var rates = new List<double>();
        for (uint index = 0; ; index++)
        {
            var interval = new V4l2FrameIntervalEnum { Index = index, PixelFormat = pixelFormat, Width = (uint)width, Height = (uint)height };
            if (!TryCall(V4l2Ioctl.EnumerateFrameIntervals, &interval, "VIDIOC_ENUM_FRAMEINTERVALS"))
            {
                return rates;
            }

            AddRate(rates, interval.Union[0], interval.Union[1]);
            if (interval.Type != 1)
            {
                AddRate(rates, interval.Union[2], interval.Union[3]);
                return rates;
            }
        }
    }

    public V4l2ActualFormat SetFormat(uint pixelFormat, int width, int height)
    {
        var format = new V4l2Format { Type = V4l2Ioctl.BufferTypeVideoCapture };
        format.Pix.Width = (uint)width;
        format.Pix.Height = (uint)height;
        format.Pix.PixelFormat = pixelFormat;
        Call(V4l2Ioctl.SetFormat, &format, "VIDIOC_S_FMT");
        var pix = format.Pix;
        return new V4l2ActualFormat(pix.PixelFormat, (int)pix.Width, (int)pix.Height, (int)pix.BytesPerLine, (int)pix.SizeImage);
    }

    public bool SetFrameRate(int framesPerSecond)
    {
        var parameters = new V4l2StreamParameters
        {
            Type = V4l2Ioctl.BufferTypeVideoCapture,
            TimePerFrameNumerator = 1,
            TimePerFrameDenominator = (uint)framesPerSecond,
        };
        return TryCall(V4l2Ioctl.SetParameters, &parameters, "VIDIOC_S_PARM")
            && (parameters.Capability & V4l2Ioctl.CaptureTimePerFrame) != 0;
    }

    public int MapBuffers(int count)
    {
        var request = new V4l2RequestBuffers { Count = (uint)count, Type = V4l2Ioctl.BufferTypeVideoCapture, Memory = V4l2Ioctl.MemoryMmap };
        Call(V4l2Ioctl.RequestBuffers, &request, "VIDIOC_REQBUFS");
        for (uint index = 0; index < request.Count; index++)
        {
            var buffer = new V4l2Buffer { Index = index, Type = V4l2Ioctl.BufferTypeVideoCapture, Memory = V4l2Ioctl.MemoryMmap };
            Call(V4l2Ioctl.QueryBuffer, &buffer, "VIDIOC_QUERYBUF");
            var address = LibC.Mmap(0, buffer.Length, LibC.ProtRead, LibC.MapShared, _fd, (nint)buffer.Offset);
            if (address == -1)
            {
                throw new V4l2Exception("mmap", Path, Marshal.GetLastPInvokeError());
            }

            _buffers.Add((address, (int)buffer.Length));
            Queue((int)index);
        }

        return (int)request.Count;
    }

    public void StartStreaming()
    {
        var type = (int)V4l2Ioctl.BufferTypeVideoCapture;
        Call(V4l2Ioctl.StreamOn, &type, "VIDIOC_STREAMON");
        _streaming = true;
    }

    public void StopStreaming()
    {
        var type = (int)V4l2Ioctl.BufferTypeVideoCapture;
        _streaming = false;
        Call(V4l2Ioctl.StreamOff, &type, "VIDIOC_STREAMOFF");
    }

    public bool TryDequeue(int timeoutMilliseconds, out int index, out int bytesUsed)
    {
        index = -1;
        bytesUsed = 0;
        var descriptor = new PollDescriptor { Fd = _fd, Events = LibC.PollIn };
        int ready;
        do
        {
            ready = LibC.Poll(&descriptor, 1, timeoutMilliseconds);
        }
        while (ready < 0 && Marshal.GetLastPInvokeError() == LibC.EINTR);

        if (ready < 0)
        {
            throw new V4l2Exception("poll", Path, Marshal.GetLastPInvokeError());
        }

        if (ready == 0)
        {
            return false;
        }

        // On POLLERR (an unplug) DQBUF below reports the reason; poll itself says nothing more.
        var buffer = new V4l2Buffer { Type = V4l2Ioctl.BufferTypeVideoCapture, Memory = V4l2Ioctl.MemoryMmap };
        if (Ioctl(V4l2Ioctl.DequeueBuffer, &buffer) < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == LibC.EAGAIN && (descriptor.ReturnedEvents & (LibC.PollError | LibC.PollHangUp | LibC.PollInvalid)) == 0)
            {
                return false;
            }

            throw new V4l2Exception("VIDIOC_DQBUF", Path, errno == LibC.EAGAIN ? LibC.EIO : errno);
        }

        index = (int)buffer.Index;
        bytesUsed = (int)Math.Min(buffer.BytesUsed, (uint)_buffers[index].Length);
        return true;
    }

    public ReadOnlySpan<byte> GetBuffer(int index)
    {
        var (address, length) = _buffers[index];
        return new ReadOnlySpan<byte>((void*)address, length);
    }

    public void Queue(int index)
    {
        var buffer = new V4l2Buffer { Index = (uint)index, Type = V4l2Ioctl.BufferTypeVideoCapture, Memory = V4l2Ioctl.MemoryMmap };
        Call(V4l2Ioctl.QueueBuffer, &buffer, "VIDIOC_QBUF");
    }

    public void Dispose()
    {
        if (_fd < 0)
        {
            return;
        }

        if (_streaming)
        {
            var type = (int)V4l2Ioctl.BufferTypeVideoCapture;
            _ = Ioctl(V4l2Ioctl.StreamOff, &type);
        }

        foreach (var (address, length) in _buffers)
        {
            _ = LibC.Munmap(address, (nuint)length);
        }

        _buffers.Clear();
        _ = LibC.Close(_fd);
        _fd = -1;
    }

    private static void AddRate(List<double> rates, uint numerator, uint denominator)
    {
        if (numerator != 0)
        {
            rates.Add(Math.Round((double)denominator / numerator, 2));
        }
    }

    private static string Text(byte* bytes, int capacity)
    {
        var span = new ReadOnlySpan<byte>(bytes, capacity);
        var end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
    }

    private int Ioctl(nuint request, void* argument)
    {
        int result;
        do
        {
            result = LibC.Ioctl(_fd, request, argument);
        }
        while (result < 0 && Marshal.GetLastPInvokeError() == LibC.EINTR);
        return result;
    }

    private void Call(nuint request, void* argument, string name)
    {
        if (Ioctl(request, argument) < 0)
        {
            throw new V4l2Exception(name, Path, Marshal.GetLastPInvokeError());
        }
    }

    /// <summary>An enumeration step: false at the end of the list (EINVAL) or when the driver does not support it (ENOTTY).</summary>
    private bool TryCall(nuint request, void* argument, string name)
    {
        if (Ioctl(request, argument) >= 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno is LibC.EINVAL or LibC.ENOTTY ? false : throw new V4l2Exception(name, Path, errno);
    }
}
