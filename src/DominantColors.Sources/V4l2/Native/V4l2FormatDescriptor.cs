using System.Runtime.InteropServices;

namespace DominantColors.Sources.V4l2.Native;

/// <summary><c>struct v4l2_fmtdesc</c> (64 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2FormatDescriptor
{
    public uint Index;
    public uint Type;
    public uint Flags;
    public fixed byte Description[32];
    public uint PixelFormat;
    public uint MbusCode;
    public fixed uint Reserved[3];
}
