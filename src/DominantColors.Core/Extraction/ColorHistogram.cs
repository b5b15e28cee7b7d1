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
    private readonly int _bits;
    private readonly int _shift;
    private readonly int[] _counts;
    private readonly int[] _sums; // R, G, B sums per bin, interleaved; unused with 8 bits, where a bin is one color
    private int[] _touched;
    private int _touchedCount;
    private float[] _l = [];
    private float[] _a = [];
    private float[] _b = [];
    private float[] _w = [];

    public ColorHistogram(int bits, int expectedSamples)
    {
        _bits = bits;
        _shift = 8 - bits;
        var bins = 1 << (3 * bits);
        _counts = new int[bins];
        _sums = bits == 8 ? [] : new int[3 * bins];
        _touched = new int[Math.Min(bins, Math.Max(expectedSamples, 16))];
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
        var counts = _counts;
        var sums = _sums;
        foreach (var bin in _touched.AsSpan(0, _touchedCount))
        {
            counts[bin] = 0;
            if (sums.Length != 0)
            {
                sums[3 * bin] = 0;
                sums[(3 * bin) + 1] = 0;
                sums[(3 * bin) + 2] = 0;
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
        var counts = _counts;
        var sums = _sums;
        for (var i = 0; i < n; i++)
        {
            var bin = _touched[i];
            var count = counts[bin];
            Rgb24 mean;
            if (sums.Length == 0)
            {
                mean = new Rgb24((byte)(bin >> 16), (byte)(bin >> 8), (byte)bin);
            }
            else
            {
                var half = count >> 1;
                mean = new Rgb24(
                    (byte)((sums[3 * bin] + half) / count),
                    (byte)((sums[(3 * bin) + 1] + half) / count),
                    (byte)((sums[(3 * bin) + 2] + half) / count));
            }

            var lab = ColorSpaces.ToOkLab(mean);
            _l[i] = lab.L;
            _a[i] = lab.A;
            _b[i] = lab.B;
            _w[i] = count;
        }

        PointCount = n;
    }

    // Hot loop: per sampled pixel, a bin index, a count and three sums; allocates nothing.
    private void AddRow(ReadOnlySpan<byte> row, int start, int step)
    {
        ref var counts = ref MemoryMarshal.GetArrayDataReference(_counts);
        var sums = _sums;
        var shift = _shift;
        var bits = _bits;
        var pixelStep = 3 * step;
        var added = 0;
        for (var i = 3 * start; i + 2 < row.Length; i += pixelStep)
        {
            int r = row[i], g = row[i + 1], b = row[i + 2];
            var bin = ((r >> shift) << (2 * bits)) | ((g >> shift) << bits) | (b >> shift);
            ref var count = ref Unsafe.Add(ref counts, bin);
            if (count++ == 0)
            {
                AddTouched(bin);
            }

            if (sums.Length != 0)
            {
                ref var sum = ref sums[3 * bin];
                sum += r;
                Unsafe.Add(ref sum, 1) += g;
                Unsafe.Add(ref sum, 2) += b;
            }

            added++;
        }

        SampleCount += added;
    }

    private void AddTouched(int bin)
    {
        if (_touchedCount == _touched.Length)
        {
            Array.Resize(ref _touched, Math.Min(_touched.Length * 2, _counts.Length));
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
    }
}
