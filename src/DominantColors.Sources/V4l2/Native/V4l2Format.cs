using System.Runtime.InteropServices;

namespace DominantColors.Sources.V4l2.Native;

/// <summary>
/// <c>struct v4l2_format</c> on a 64-bit kernel (208 bytes): the union after <c>type</c> holds pointers in one
/// of its members (<c>v4l2_window</c>), so it is 8-byte aligned and starts at offset 8, not 4.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 208)]
internal struct V4l2Format
{
    [FieldOffset(0)]
    public uint Type;

    [FieldOffset(8)]
    public V4l2PixFormat Pix;
}
