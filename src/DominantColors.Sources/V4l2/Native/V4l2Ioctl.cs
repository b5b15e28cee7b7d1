namespace DominantColors.Sources.V4l2.Native;

/// <summary>
/// The V4L2 requests used here, as <c>_IOC(dir, 'V', nr, sizeof(struct))</c> encodes them for 64-bit Linux
/// (x86-64 and arm64 share the generic encoding); checked against videodev2.h.
/// </summary>
internal static class V4l2Ioctl
{
    public const nuint QueryCapability = 0x80685600;
    public const nuint EnumerateFormat = 0xc0405602;
    public const nuint SetFormat = 0xc0d05605;
    public const nuint RequestBuffers = 0xc0145608;
    public const nuint QueryBuffer = 0xc0585609;
    public const nuint QueueBuffer = 0xc058560f;
    public const nuint DequeueBuffer = 0xc0585611;
    public const nuint StreamOn = 0x40045612;
    public const nuint StreamOff = 0x40045613;
    public const nuint SetParameters = 0xc0cc5616;
    public const nuint EnumerateFrameSizes = 0xc02c564a;
    public const nuint EnumerateFrameIntervals = 0xc034564b;

    public const uint BufferTypeVideoCapture = 1;
    public const uint MemoryMmap = 1;
    public const uint CapabilityVideoCapture = 0x1;
    public const uint CapabilityStreaming = 0x4000000;
    public const uint CapabilityDeviceCaps = 0x80000000;
    public const uint CaptureTimePerFrame = 0x1000;
    public const uint FormatFlagCompressed = 0x1;
}
