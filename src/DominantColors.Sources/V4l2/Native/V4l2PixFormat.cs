using System.Runtime.InteropServices;

namespace DominantColors.Sources.V4l2.Native;

/// <summary><c>struct v4l2_pix_format</c> (48 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct V4l2PixFormat
{
    public uint Width;
    public uint Height;
    public uint PixelFormat;
    public uint Field;
    public uint BytesPerLine;
    public uint SizeImage;
    public uint Colorspace;
    public uint Private;
    public uint Flags;
    public uint YcbcrEncoding;
    public uint Quantization;
    public uint TransferFunction;
}
