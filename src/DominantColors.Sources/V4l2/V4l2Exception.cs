using System.Runtime.InteropServices;

namespace DominantColors.Sources.V4l2;

/// <summary>A V4L2 call failed; names the call, the device and the errno.</summary>
public sealed class V4l2Exception : IOException
{
    public V4l2Exception()
    {
    }

    public V4l2Exception(string message)
        : base(message)
    {
    }

    public V4l2Exception(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal V4l2Exception(string operation, string path, int errno)
        : base($"{operation} on {path} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})")
    {
        Errno = errno;
    }

    public int Errno { get; }

    /// <summary>The device is missing or was unplugged (ENOENT, ENODEV, ENXIO, EIO): opening it again later may work.</summary>
    public bool DeviceGone => Errno is 2 or 5 or 6 or 19;
}
