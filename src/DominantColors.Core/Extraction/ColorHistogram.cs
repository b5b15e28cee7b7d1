using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DominantColors.Colors;
using DominantColors.Frames;

namespace DominantColors.Extraction;

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
        _touched = new int[Math.Min(bins, Math.Max(expectedSamples + (expectedSamples / 8), 64))];
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
        var bins = _bins.AsSpan();
        var stride = _binStride;
        foreach (var bin in _touched.AsSpan(0, _touchedCount))
        {
            bins.Slice(bin * stride, stride).Clear();
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
        var bins = _bins;
        var lut = LinearLut;
        for (var i = 0; i < n; i++)
        {
            var bin = _touched[i];
            var at = bin * _binStride;
            var count = bins[at];
            _w[i] = count;
            if (_binStride == 1)
            {
                _lr[i] = lut[(bin >> 16) & 0xFF];
                _lg[i] = lut[(bin >> 8) & 0xFF];
                _lb[i] = lut[bin & 0xFF];
                continue;
            }

            // The exact mean of the bin's pixels, decoded by interpolating the sRGB table between whole levels.
            var inverse = 1f / count;
            _lr[i] = Decode(bins[at + 1] * inverse, lut);
            _lg[i] = Decode(bins[at + 2] * inverse, lut);
            _lb[i] = Decode(bins[at + 3] * inverse, lut);
        }

        FastOkLab.Convert(_lr.AsSpan(0, n), _lg.AsSpan(0, n), _lb.AsSpan(0, n), _l.AsSpan(0, n), _a.AsSpan(0, n), _b.AsSpan(0, n));
        PointCount = n;
    }

    private static float Decode(float level, float[] lut)
    {
        var whole = Math.Clamp((int)level, 0, 255);
        var fraction = level - whole;
        return lut[whole] + (fraction * (lut[whole + 1] - lut[whole]));
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

    // Hot loop: per sampled pixel, a bin index, a count and three sums in one cache line; allocates nothing.
    private void AddRow(ReadOnlySpan<byte> row, int start, int step)
    {
        ref var bins = ref MemoryMarshal.GetArrayDataReference(_bins);
        var shift = _shift;
        var bits = _bits;
        var stride = _binStride;
        var pixelStep = 3 * step;
        var added = 0;
        for (var i = 3 * start; i + 2 < row.Length; i += pixelStep)
        {
            int r = row[i], g = row[i + 1], b = row[i + 2];
            var bin = ((r >> shift) << (2 * bits)) | ((g >> shift) << bits) | (b >> shift);
            ref var count = ref Unsafe.Add(ref bins, bin * stride);
            if (count++ == 0)
            {
                AddTouched(bin);
            }

            if (stride != 1)
            {
                Unsafe.Add(ref count, 1) += r;
                Unsafe.Add(ref count, 2) += g;
                Unsafe.Add(ref count, 3) += b;
            }

            added++;
        }

        SampleCount += added;
    }

    private void AddTouched(int bin)
    {
        if (_touchedCount == _touched.Length)
        {
            Array.Resize(ref _touched, Math.Min(_touched.Length * 2, _binCount));
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
