using System.Runtime.InteropServices;

namespace DominantColors.Sources.V4l2.Native;

/// <summary>
/// <c>struct v4l2_frmsizeenum</c> (44 bytes). Type 1 (discrete): width and height in the first two union words;
/// types 2 and 3 (continuous, stepwise): min width, max width, step, min height, max height, step.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2FrameSizeEnum
{
    public uint Index;
    public uint PixelFormat;
    public uint Type;
    public fixed uint Union[6];
    public fixed uint Reserved[2];
}
