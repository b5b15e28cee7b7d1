using System.Runtime.InteropServices;
using DominantColors.Sources.V4l2;
using DominantColors.Sources.V4l2.Native;

namespace DominantColors.Sources.Tests.V4l2;

/// <summary>The real ioctl layer, as far as a machine without a camera allows: struct layouts and a missing device.</summary>
public sealed class V4l2DeviceTests
{
    [Fact]
    public void StructLayouts_MatchTheKernelOn64Bit()
    {
        // Sizes from videodev2.h on x86-64 / arm64; they are also encoded in the ioctl numbers.
        Assert.Equal(104, Marshal.SizeOf<V4l2Capability>());
        Assert.Equal(64, Marshal.SizeOf<V4l2FormatDescriptor>());
        Assert.Equal(48, Marshal.SizeOf<V4l2PixFormat>());
        Assert.Equal(208, Marshal.SizeOf<V4l2Format>());
        Assert.Equal(204, Marshal.SizeOf<V4l2StreamParameters>());
        Assert.Equal(20, Marshal.SizeOf<V4l2RequestBuffers>());
        Assert.Equal(88, Marshal.SizeOf<V4l2Buffer>());
        Assert.Equal(44, Marshal.SizeOf<V4l2FrameSizeEnum>());
        Assert.Equal(52, Marshal.SizeOf<V4l2FrameIntervalEnum>());
        Assert.Equal(8, Marshal.SizeOf<PollDescriptor>());
        Assert.Equal(88u, (uint)(V4l2Ioctl.DequeueBuffer >> 16) & 0x3fff);
        Assert.Equal(208u, (uint)(V4l2Ioctl.SetFormat >> 16) & 0x3fff);
    }

    [Fact]
    public void Open_MissingNode_ThrowsDeviceGoneWithTheReason()
    {
        var error = Assert.Throws<V4l2Exception>(() => V4l2Device.Open("/dev/video-dominant-colors-none"));

        Assert.Equal(2, error.Errno);
        Assert.True(error.DeviceGone);
        Assert.Contains("/dev/video-dominant-colors-none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QueryCapabilities_NodeThatIsNotVideo_FailsWithTheIoctlName()
    {
        using var device = V4l2Device.Open("/dev/null");

        var error = Assert.Throws<V4l2Exception>(device.QueryCapabilities);

        Assert.Contains("VIDIOC_QUERYCAP", error.Message, StringComparison.Ordinal);
        Assert.Equal(25, error.Errno);
    }
}
