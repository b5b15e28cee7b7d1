using System.Runtime.InteropServices;

namespace DominantColors.Sources.V4l2.Native;

/// <summary><c>struct pollfd</c> (8 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PollDescriptor
{
    public int Fd;
    public short Events;
    public short ReturnedEvents;
}
