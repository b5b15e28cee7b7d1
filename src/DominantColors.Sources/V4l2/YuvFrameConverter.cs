using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DominantColors.Sources.V4l2;

/// <summary>
/// Turns one YUYV, UYVY or NV12 capture buffer into an RGB24 frame at the analysis size by area averaging:
/// each output pixel is the mean Y, U and V of its box of source pixels (a 4:2:x pixel's chroma is the chroma
/// of its pair or block), converted with BT.601 limited range. Rows are first summed per byte position with
/// Vector128 (the costly part: every byte of the buffer), then each box is summed across. Allocation-free after
/// construction.
/// </summary>
internal sealed class YuvFrameConverter
{
    // ushort sums hold at most 65535 / 255 = 257 rows of bytes before they are folded into the box sums.
    private const int MaxRowsPerPass = 257;

    private readonly uint _pixelFormat;
    private readonly int _sourceWidth;
    private readonly int _sourceHeight;
    private readonly int _bytesPerLine;
    private readonly int _width;
    private readonly int _height;
    private readonly int[] _columnStarts;
    private readonly int[] _columnEnds;
    private readonly ushort[] _rowSums;
    private readonly ushort[] _chromaRowSums;
    private readonly uint[] _boxY;
    private readonly uint[] _boxU;
    private readonly uint[] _boxV;

    public YuvFrameConverter(uint pixelFormat, int sourceWidth, int sourceHeight, int bytesPerLine, int width, int height)
    {
        if (pixelFormat is not (V4l2PixelFormats.Yuyv or V4l2PixelFormats.Uyvy or V4l2PixelFormats.Nv12))
        {
            throw new NotSupportedException($"Pixel format {V4l2PixelFormats.ToFourCc(pixelFormat)} cannot be converted; YUYV, UYVY and NV12 can.");
        }

        var packed = pixelFormat != V4l2PixelFormats.Nv12;
        if (sourceWidth < 2 || sourceHeight < 2 || sourceWidth % 2 != 0 || (!packed && sourceHeight % 2 != 0))
        {
            throw new NotSupportedException($"A {sourceWidth}x{sourceHeight} {V4l2PixelFormats.ToFourCc(pixelFormat)} picture has no whole chroma samples.");
        }

        var rowBytes = packed ? sourceWidth * 2 : sourceWidth;
        _bytesPerLine = bytesPerLine >= rowBytes ? bytesPerLine : throw new NotSupportedException($"The driver's line length {bytesPerLine} is shorter than a {sourceWidth}-pixel row.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        _pixelFormat = pixelFormat;
        _sourceWidth = sourceWidth;
        _sourceHeight = sourceHeight;
        _width = width;
        _height = height;
        _columnStarts = new int[width];
        _columnEnds = new int[width];
        for (var x = 0; x < width; x++)
        {
            (_columnStarts[x], _columnEnds[x]) = Box(x, sourceWidth, width);
        }

        _rowSums = new ushort[rowBytes];
        _chromaRowSums = new ushort[packed ? 0 : sourceWidth];
        _boxY = new uint[width];
        _boxU = new uint[width];
        _boxV = new uint[width];
        RequiredBytes = packed
            ? (_bytesPerLine * (sourceHeight - 1)) + rowBytes
            : (_bytesPerLine * sourceHeight) + (_bytesPerLine * ((sourceHeight / 2) - 1)) + sourceWidth;
    }

    /// <summary>The fewest bytes a buffer must hold (bytesused) to be a whole frame.</summary>
    public int RequiredBytes { get; }

    /// <summary>
    /// The source pixels [Start, End) that box <paramref name="index"/> of <paramref name="boxes"/> covers along a side of
    /// <paramref name="length"/> pixels. Boxes split the side evenly; when there are more boxes than pixels, each box
    /// still gets the one pixel it falls on.
    /// </summary>
    public static (int Start, int End) Box(int index, int length, int boxes)
    {
        var start = Math.Min((int)((long)index * length / boxes), length - 1);
        return (start, Math.Max(start + 1, (int)((long)(index + 1) * length / boxes)));
    }

    /// <summary>BT.601 limited range to RGB, in the usual 8-bit integer form.</summary>
    public static (byte R, byte G, byte B) ToRgb(int y, int u, int v)
    {
        var c = 298 * (y - 16);
        var d = u - 128;
        var e = v - 128;
        return (
            (byte)Math.Clamp((c + (409 * e) + 128) >> 8, 0, 255),
            (byte)Math.Clamp((c - (100 * d) - (208 * e) + 128) >> 8, 0, 255),
            (byte)Math.Clamp((c + (516 * d) + 128) >> 8, 0, 255));
    }

    /// <summary>Adds each byte of <paramref name="row"/> into <paramref name="sums"/>: Vector128 lanes, then a scalar tail.</summary>
    public static void AddRow(ReadOnlySpan<byte> row, Span<ushort> sums, bool vectorized = true)
    {
        var i = 0;
        if (vectorized && Vector128.IsHardwareAccelerated)
        {
            ref var source = ref MemoryMarshal.GetReference(row);
            ref var target = ref MemoryMarshal.GetReference(sums);
            // 16 bytes at a time, widened to two vectors of 8 ushorts: lanes 0-7 and 8-15 of the row.
            for (; i <= row.Length - 16; i += 16)
            {
                var (lower, upper) = Vector128.Widen(Vector128.LoadUnsafe(ref source, (nuint)i));
                (Vector128.LoadUnsafe(ref target, (nuint)i) + lower).StoreUnsafe(ref target, (nuint)i);
                (Vector128.LoadUnsafe(ref target, (nuint)(i + 8)) + upper).StoreUnsafe(ref target, (nuint)(i + 8));
            }
        }

        for (; i < row.Length; i++)
        {
            sums[i] += row[i];
        }
    }

    /// <summary>Converts <paramref name="source"/> (at least <see cref="RequiredBytes"/> long) into <paramref name="rgb"/>. Allocates nothing.</summary>
    public void Convert(ReadOnlySpan<byte> source, Span<byte> rgb)
    {
        if (source.Length < RequiredBytes)
        {
            throw new ArgumentException($"A whole frame needs {RequiredBytes} bytes, got {source.Length}.", nameof(source));
        }

        if (rgb.Length < _width * _height * 3)
        {
            throw new ArgumentException($"A {_width}x{_height} RGB24 frame needs {_width * _height * 3} bytes.", nameof(rgb));
        }

        var nv12 = _pixelFormat == V4l2PixelFormats.Nv12;
        var chromaPlane = _bytesPerLine * _sourceHeight;
        for (var by = 0; by < _height; by++)
        {
            var (y0, y1) = Box(by, _sourceHeight, _height);
            _boxY.AsSpan().Clear();
            _boxU.AsSpan().Clear();
            _boxV.AsSpan().Clear();
            for (var passStart = y0; passStart < y1; passStart += MaxRowsPerPass)
            {
                var passEnd = Math.Min(y1, passStart + MaxRowsPerPass);
                _rowSums.AsSpan().Clear();
                _chromaRowSums.AsSpan().Clear();
                for (var y = passStart; y < passEnd; y++)
                {
                    AddRow(source.Slice(y * _bytesPerLine, _rowSums.Length), _rowSums);
                    if (nv12)
                    {
                        AddRow(source.Slice(chromaPlane + ((y >> 1) * _bytesPerLine), _sourceWidth), _chromaRowSums);
                    }
                }

                if (nv12)
                {
                    FoldPlanar();
                }
                else
                {
                    FoldPacked(_pixelFormat == V4l2PixelFormats.Yuyv);
                }
            }

            WriteRow(rgb.Slice(by * _width * 3, _width * 3), y1 - y0);
        }
    }

    /// <summary>Sums the column sums of packed 4:2:2 into each box: Y per pixel, U and V of each pixel's pair.</summary>
    private void FoldPacked(bool yuyv)
    {
        int yOffset = yuyv ? 0 : 1, uOffset = yuyv ? 1 : 0, vOffset = yuyv ? 3 : 2;
        var sums = _rowSums;
        for (var bx = 0; bx < _width; bx++)
        {
            uint y = 0, u = 0, v = 0;
            for (var x = _columnStarts[bx]; x < _columnEnds[bx]; x++)
            {
                var pair = (x >> 1) * 4;
                y += sums[(x * 2) + yOffset];
                u += sums[pair + uOffset];
                v += sums[pair + vOffset];
            }

            _boxY[bx] += y;
            _boxU[bx] += u;
            _boxV[bx] += v;
        }
    }

    /// <summary>Sums NV12's column sums into each box: Y per pixel, the interleaved U and V of each pixel's 2x2 block.</summary>
    private void FoldPlanar()
    {
        for (var bx = 0; bx < _width; bx++)
        {
            uint y = 0, u = 0, v = 0;
            for (var x = _columnStarts[bx]; x < _columnEnds[bx]; x++)
            {
                var pair = x & ~1;
                y += _rowSums[x];
                u += _chromaRowSums[pair];
                v += _chromaRowSums[pair + 1];
            }

            _boxY[bx] += y;
            _boxU[bx] += u;
            _boxV[bx] += v;
        }
    }

    private void WriteRow(Span<byte> rgb, int rows)
    {
        for (var bx = 0; bx < _width; bx++)
        {
            var n = (uint)((_columnEnds[bx] - _columnStarts[bx]) * rows);
            var (r, g, b) = ToRgb((int)((_boxY[bx] + (n / 2)) / n), (int)((_boxU[bx] + (n / 2)) / n), (int)((_boxV[bx] + (n / 2)) / n));
            rgb[bx * 3] = r;
            rgb[(bx * 3) + 1] = g;
            rgb[(bx * 3) + 2] = b;
        }
    }
}
