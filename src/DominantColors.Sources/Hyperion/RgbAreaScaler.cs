using DominantColors.Sources.V4l2;

namespace DominantColors.Sources.Hyperion;

/// <summary>
/// Scales an RGB24 or RGBA picture of any size to an RGB24 frame of a fixed size by area averaging: each output
/// pixel is the rounded mean of its box of source pixels (boxes as <see cref="YuvFrameConverter.Box"/> splits them).
/// Rows are summed per byte with <see cref="YuvFrameConverter.AddRow"/> (Vector128), then each box across. The
/// working arrays grow only for a wider picture than seen before; otherwise nothing is allocated.
/// </summary>
internal sealed class RgbAreaScaler
{
    // ushort sums hold at most 65535 / 255 = 257 rows of bytes before they are folded into the box sums.
    private const int MaxRowsPerPass = 257;

    private readonly int _width;
    private readonly int _height;
    private readonly int[] _columnStarts;
    private readonly int[] _columnEnds;
    private readonly uint[] _boxR;
    private readonly uint[] _boxG;
    private readonly uint[] _boxB;
    private ushort[] _rowSums = [];
    private int _sourceWidth = -1;

    public RgbAreaScaler(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        _width = width;
        _height = height;
        _columnStarts = new int[width];
        _columnEnds = new int[width];
        _boxR = new uint[width];
        _boxG = new uint[width];
        _boxB = new uint[width];
    }

    /// <summary>
    /// Scales <paramref name="source"/> (<paramref name="sourceWidth"/> x <paramref name="sourceHeight"/> pixels of
    /// <paramref name="bytesPerPixel"/> 3 or 4 bytes, R, G, B first, rows without padding) into <paramref name="rgb"/>.
    /// </summary>
    public void Scale(ReadOnlySpan<byte> source, int sourceWidth, int sourceHeight, int bytesPerPixel, Span<byte> rgb)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceHeight);
        if (bytesPerPixel is not (3 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(bytesPerPixel), bytesPerPixel, "RGB24 has 3 bytes per pixel, RGBA 4.");
        }

        var rowBytes = sourceWidth * bytesPerPixel;
        if (source.Length < (long)rowBytes * sourceHeight)
        {
            throw new ArgumentException($"A {sourceWidth}x{sourceHeight} picture of {bytesPerPixel} bytes per pixel needs {(long)rowBytes * sourceHeight} bytes, got {source.Length}.", nameof(source));
        }

        if (rgb.Length < _width * _height * 3)
        {
            throw new ArgumentException($"A {_width}x{_height} RGB24 frame needs {_width * _height * 3} bytes.", nameof(rgb));
        }

        PrepareColumns(sourceWidth, rowBytes);
        var sums = _rowSums.AsSpan(0, rowBytes);
        for (var by = 0; by < _height; by++)
        {
            var (y0, y1) = YuvFrameConverter.Box(by, sourceHeight, _height);
            _boxR.AsSpan().Clear();
            _boxG.AsSpan().Clear();
            _boxB.AsSpan().Clear();
            for (var passStart = y0; passStart < y1; passStart += MaxRowsPerPass)
            {
                var passEnd = Math.Min(y1, passStart + MaxRowsPerPass);
                sums.Clear();
                for (var y = passStart; y < passEnd; y++)
                {
                    YuvFrameConverter.AddRow(source.Slice(y * rowBytes, rowBytes), sums);
                }

                Fold(sums, bytesPerPixel);
            }

            WriteRow(rgb.Slice(by * _width * 3, _width * 3), y1 - y0);
        }
    }

    private void PrepareColumns(int sourceWidth, int rowBytes)
    {
        if (_rowSums.Length < rowBytes)
        {
            _rowSums = new ushort[rowBytes];
        }

        if (_sourceWidth == sourceWidth)
        {
            return;
        }

        for (var x = 0; x < _width; x++)
        {
            (_columnStarts[x], _columnEnds[x]) = YuvFrameConverter.Box(x, sourceWidth, _width);
        }

        _sourceWidth = sourceWidth;
    }

    private void Fold(ReadOnlySpan<ushort> sums, int bytesPerPixel)
    {
        for (var bx = 0; bx < _width; bx++)
        {
            uint r = 0, g = 0, b = 0;
            var end = _columnEnds[bx] * bytesPerPixel;
            for (var i = _columnStarts[bx] * bytesPerPixel; i < end; i += bytesPerPixel)
            {
                r += sums[i];
                g += sums[i + 1];
                b += sums[i + 2];
            }

            _boxR[bx] += r;
            _boxG[bx] += g;
            _boxB[bx] += b;
        }
    }

    private void WriteRow(Span<byte> row, int rows)
    {
        for (var bx = 0; bx < _width; bx++)
        {
            var count = (uint)((_columnEnds[bx] - _columnStarts[bx]) * rows);
            var half = count / 2;
            row[bx * 3] = (byte)((_boxR[bx] + half) / count);
            row[(bx * 3) + 1] = (byte)((_boxG[bx] + half) / count);
            row[(bx * 3) + 2] = (byte)((_boxB[bx] + half) / count);
        }
    }
}
