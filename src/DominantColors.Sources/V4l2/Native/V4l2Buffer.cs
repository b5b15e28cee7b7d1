using System.Runtime.InteropServices;

namespace DominantColors.Sources.V4l2.Native;

/// <summary>
/// <c>struct v4l2_buffer</c> on a 64-bit kernel (88 bytes): <c>struct timeval</c> is two longs (16 bytes, at 24
/// after 4 bytes of padding), <c>struct v4l2_timecode</c> 16 bytes, and the <c>m</c> union (offset, userptr,
/// planes pointer, fd) 8 bytes at 64.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 88)]
internal struct V4l2Buffer
{
    [FieldOffset(0)]
    public uint Index;

    [FieldOffset(4)]
    public uint Type;

    [FieldOffset(8)]
    public uint BytesUsed;

    [FieldOffset(12)]
    public uint Flags;

    [FieldOffset(16)]
    public uint Field;

    [FieldOffset(24)]
    public long TimestampSeconds;

    [FieldOffset(32)]
    public long TimestampMicroseconds;

    [FieldOffset(56)]
    public uint Sequence;

    [FieldOffset(60)]
    public uint Memory;

    /// <summary><c>m.offset</c> for memory-mapped buffers: what to pass to mmap.</summary>
    [FieldOffset(64)]
    public uint Offset;

    [FieldOffset(72)]
    public uint Length;
}
