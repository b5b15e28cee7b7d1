using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using DominantColors.Colors;
using DominantColors.Frames;

namespace DominantColors.Palettes;

/// <summary>
/// Sampled pixels binned by their top bits per channel. Each bin keeps its pixel count and channel sums, so its
/// point is the exact mean color of its pixels; only bins touched since the last <see cref="Clear"/> are visited
/// again, and only occupied bins are converted to OKLab. After warm-up nothing here allocates.
/// </summary>
internal sealed class ColorHistogram
{
    private static readonly float[] LinearLut = BuildLinearLut();

    private readonly int _bits;
    private readonly int _shift;
    // Per bin: count, then R, G and B sums, side by side so a sample touches one cache line. With 8 bits a bin
    // is a single color, so only the count is kept (16 M bins).
    private readonly int[] _bins;
    private readonly int _binStride;
    private readonly int _binCount;
    private int[] _touched;
    private int _touchedCount;
    private float[] _l = [];
    private float[] _a = [];
    private float[] _b = [];
    private float[] _w = [];
    private float[] _lr = [];
    private float[] _lg = [];
    private float[] _lb = [];

    public ColorHistogram(int bits, int expectedSamples)
    {
        _bits = bits;
        _shift = 8 - bits;
        var bins = 1 << (3 * bits);
        _binCount = bins;
        _binStride = bits == 8 ? 1 : 4;
        _bins = new int[bins * _binStride];
        _touched = new int[Math.Min(bins + 1, Math.Max(expectedSamples + (expectedSamples / 8), 64))];
        EnsurePointCapacity(_touched.Length);
    }

    /// <summary>Occupied bins after <see cref="BuildPoints"/>: lightness, a, b and pixel count, one entry per bin.</summary>
    public ReadOnlySpan<float> L => _l.AsSpan(0, PointCount);

    public ReadOnlySpan<float> A => _a.AsSpan(0, PointCount);

    public ReadOnlySpan<float> B => _b.AsSpan(0, PointCount);

    public ReadOnlySpan<float> Weights => _w.AsSpan(0, PointCount);

    public int PointCount { get; private set; }

    /// <summary>Pixels added since the last <see cref="Clear"/>.</summary>
    public long SampleCount { get; private set; }

    /// <summary>Grid step that keeps <paramref name="area"/> pixels at about <paramref name="maxSamples"/> samples.</summary>
    public static int SampleStep(long area, int maxSamples)
    {
        if (area <= maxSamples)
        {
            return 1;
        }

        var step = (int)Math.Ceiling(Math.Sqrt((double)area / maxSamples));
        return Math.Max(step, 1);
    }

    /// <summary>Empties the bins touched since the last clear, and only those.</summary>
    public void Clear()
    {
        ref var bins = ref MemoryMarshal.GetArrayDataReference(_bins);
        var touched = _touched.AsSpan(0, _touchedCount);
        if (_binStride == 1)
        {
            foreach (var bin in touched)
            {
                Unsafe.Add(ref bins, bin) = 0;
            }
        }
        else
        {
            // Count and the three sums of a bin are one 16-byte store (touched bins are always inside the table).
            foreach (var bin in touched)
            {
                Vector128<int>.Zero.StoreUnsafe(ref bins, (nuint)(bin * 4));
            }
        }

        _touchedCount = 0;
        PointCount = 0;
        SampleCount = 0;
    }

    /// <summary>Adds every <paramref name="step"/>-th pixel of every <paramref name="step"/>-th row, from the middle of the first cell.</summary>
    public void Add(Rgb24Image image, int step)
    {
        if (image.IsEmpty)
        {
            return;
        }

        var start = step / 2;
        for (var y = Math.Min(start, image.Height - 1); y < image.Height; y += step)
        {
            AddRow(image.Row(y), Math.Min(start, image.Width - 1), step);
        }
    }

    /// <summary>Turns occupied bins into weighted OKLab points, in the order the bins were first touched.</summary>
    public void BuildPoints()
    {
        var n = _touchedCount;
        EnsurePointCapacity(n);
        if (_binStride == 1)
        {
            BuildSingleColorPoints(n);
        }
        else
        {
            BuildMeanPoints(n);
        }

        FastOkLab.Convert(_lr.AsSpan(0, n), _lg.AsSpan(0, n), _lb.AsSpan(0, n), _l.AsSpan(0, n), _a.AsSpan(0, n), _b.AsSpan(0, n));
        PointCount = n;
    }

    private void BuildSingleColorPoints(int n)
    {
        var lut = LinearLut;
        for (var i = 0; i < n; i++)
        {
            var bin = _touched[i];
            _w[i] = _bins[bin];
            _lr[i] = lut[(bin >> 16) & 0xFF];
            _lg[i] = lut[(bin >> 8) & 0xFF];
            _lb[i] = lut[bin & 0xFF];
        }
    }

    // Hot loop, allocation-free: per occupied bin, the mean of its pixels in linear light. The mean level
    // (0..255) is decoded by interpolating the sRGB table between whole levels; a mean never exceeds 255 and the
    // table has a 257th entry, so the unchecked reads stay inside it.
    private void BuildMeanPoints(int n)
    {
        ref var bins = ref MemoryMarshal.GetArrayDataReference(_bins);
        ref var touched = ref MemoryMarshal.GetArrayDataReference(_touched);
        ref var lut = ref MemoryMarshal.GetArrayDataReference(LinearLut);
        ref var w = ref MemoryMarshal.GetArrayDataReference(_w);
        ref var lr = ref MemoryMarshal.GetArrayDataReference(_lr);
        ref var lg = ref MemoryMarshal.GetArrayDataReference(_lg);
        ref var lb = ref MemoryMarshal.GetArrayDataReference(_lb);
        for (var i = 0; i < n; i++)
        {
            ref var bin = ref Unsafe.Add(ref bins, Unsafe.Add(ref touched, i) * 4);
            float count = bin;
            var inverse = 1f / count;
            Unsafe.Add(ref w, i) = count;
            Unsafe.Add(ref lr, i) = Decode(Unsafe.Add(ref bin, 1) * inverse, ref lut);
            Unsafe.Add(ref lg, i) = Decode(Unsafe.Add(ref bin, 2) * inverse, ref lut);
            Unsafe.Add(ref lb, i) = Decode(Unsafe.Add(ref bin, 3) * inverse, ref lut);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Decode(float level, ref float lut)
    {
        var whole = (int)level;
        var low = Unsafe.Add(ref lut, whole);
        return low + ((level - whole) * (Unsafe.Add(ref lut, whole + 1) - low));
    }

    private static float[] BuildLinearLut()
    {
        // 257 entries: the last repeats 1.0 so interpolation at level 255 reads in bounds.
        var lut = new float[257];
        for (var i = 0; i < 256; i++)
        {
            lut[i] = ColorSpaces.SrgbToLinear((byte)i);
        }

        lut[256] = 1f;
        return lut;
    }

    private void AddRow(ReadOnlySpan<byte> row, int start, int step)
    {
        var pixels = ((row.Length / 3) - start + step - 1) / step;
        if (pixels <= 0)
        {
            return;
        }

        if (_binStride == 1)
        {
            AddRowSingleColor(row, start, step);
        }
        else
        {
            EnsureTouchedRoom(pixels);
            AddRowBinned(row, start, step);
        }

        SampleCount += pixels;
    }

    // Hot loop, allocation-free: per sampled pixel, a bin index, then a count and three sums in one 16-byte bin.
    // The bin index is written to the touched list every time but kept (the count moves on) only when the bin was
    // empty, which spares a hard-to-predict branch; EnsureTouchedRoom left a free slot for every pixel of the row.
    private void AddRowBinned(ReadOnlySpan<byte> row, int start, int step)
    {
        ref var bins = ref MemoryMarshal.GetArrayDataReference(_bins);
        ref var touched = ref MemoryMarshal.GetArrayDataReference(_touched);
        ref var pixel = ref MemoryMarshal.GetReference(row);
        var shift = _shift;
        var bits = _bits;
        var pixelStep = 3 * step;
        var touchedCount = _touchedCount;
        for (var i = 3 * start; i + 2 < row.Length; i += pixelStep)
        {
            int r = Unsafe.Add(ref pixel, i), g = Unsafe.Add(ref pixel, i + 1), b = Unsafe.Add(ref pixel, i + 2);
            var bin = ((r >> shift) << (2 * bits)) | ((g >> shift) << bits) | (b >> shift);
            ref var count = ref Unsafe.Add(ref bins, bin * 4);
            Unsafe.Add(ref touched, touchedCount) = bin;
            touchedCount += count == 0 ? 1 : 0;
            count++;
            Unsafe.Add(ref count, 1) += r;
            Unsafe.Add(ref count, 2) += g;
            Unsafe.Add(ref count, 3) += b;
        }

        _touchedCount = touchedCount;
    }

    // With 8 bits a bin is one color: only its count is kept.
    private void AddRowSingleColor(ReadOnlySpan<byte> row, int start, int step)
    {
        var shift = _shift;
        var bits = _bits;
        for (var i = 3 * start; i + 2 < row.Length; i += 3 * step)
        {
            int r = row[i], g = row[i + 1], b = row[i + 2];
            var bin = ((r >> shift) << (2 * bits)) | ((g >> shift) << bits) | (b >> shift);
            if (_bins[bin]++ == 0)
            {
                AddTouched(bin);
            }
        }
    }

    /// <summary>Makes room in the touched list for <paramref name="pixels"/> more entries (never more than one per bin, plus one).</summary>
    private void EnsureTouchedRoom(int pixels)
    {
        var needed = (int)Math.Min((long)_touchedCount + pixels + 1, _binCount + 1L);
        if (needed > _touched.Length)
        {
            Array.Resize(ref _touched, Math.Max(needed, Math.Min(_touched.Length * 2, _binCount + 1)));
        }
    }

    private void AddTouched(int bin)
    {
        if (_touchedCount == _touched.Length)
        {
            Array.Resize(ref _touched, Math.Min(_touched.Length * 2, _binCount + 1));
        }

        _touched[_touchedCount++] = bin;
    }

    private void EnsurePointCapacity(int n)
    {
        if (_l.Length >= n)
        {
            return;
        }

        // Four spare floats so vector loads of the last partial group stay in bounds.
        var size = n + 4;
        Array.Resize(ref _l, size);
        Array.Resize(ref _a, size);
        Array.Resize(ref _b, size);
        Array.Resize(ref _w, size);
        Array.Resize(ref _lr, size);
        Array.Resize(ref _lg, size);
        Array.Resize(ref _lb, size);
    }
}
