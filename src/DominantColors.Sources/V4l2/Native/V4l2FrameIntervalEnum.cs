using System.Runtime.InteropServices;

namespace DominantColors.Sources.V4l2.Native;

/// <summary>
/// <c>struct v4l2_frmivalenum</c> (52 bytes). Type 1 (discrete): one fraction (seconds per frame) in the first two
/// union words; types 2 and 3: min, max and step fractions.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2FrameIntervalEnum
{
    public uint Index;
    public uint PixelFormat;
    public uint Width;
    public uint Height;
    public uint Type;
    public fixed uint Union[6];
    public fixed uint Reserved[2];
}
