using System.Runtime.InteropServices;

namespace DominantColors.Sources.V4l2.Native;

/// <summary><c>struct v4l2_requestbuffers</c> (20 bytes).</summary>
[StructLayout(LayoutKind.Sequential, Size = 20)]
internal struct V4l2RequestBuffers
{
    public uint Count;
    public uint Type;
    public uint Memory;
    public uint Capabilities;
}
