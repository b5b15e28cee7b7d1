using System.Runtime.InteropServices;

namespace DominantColors.Sources.V4l2.Native;

/// <summary><c>struct v4l2_streamparm</c> with its <c>v4l2_captureparm</c> member (204 bytes; no pointers, so offset 4).</summary>
[StructLayout(LayoutKind.Explicit, Size = 204)]
internal struct V4l2StreamParameters
{
    [FieldOffset(0)]
    public uint Type;

    [FieldOffset(4)]
    public uint Capability;

    [FieldOffset(8)]
    public uint CaptureMode;

    /// <summary><c>timeperframe.numerator</c>: seconds per frame is numerator / denominator.</summary>
    [FieldOffset(12)]
    public uint TimePerFrameNumerator;

    [FieldOffset(16)]
    public uint TimePerFrameDenominator;
}
