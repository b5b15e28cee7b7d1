using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DominantColors.Palettes;

/// <summary>
/// One weighted k-means solution over the points of a <see cref="ColorHistogram"/>: centers in OKLab, the label
/// and squared distance of every point, the weight of every cluster and the total weighted squared error.
/// Buffers grow to the largest input seen and are then reused, so warm runs allocate nothing.
/// </summary>
internal sealed partial class KMeans
{
    private readonly float[] _cl = new float[ExtractionOptions.MaxColors];
    private readonly float[] _ca = new float[ExtractionOptions.MaxColors];
    private readonly float[] _cb = new float[ExtractionOptions.MaxColors];
    private readonly double[] _weights = new double[ExtractionOptions.MaxColors];
    private int[] _labels = [];
    private float[] _distances = [];

    public int Count { get; private set; }

    /// <summary>Σ weight × squared distance to the nearest center, after the last run.</summary>
    public double Error { get; private set; }

    /// <summary>Σ weight × squared distance to the centers the last <see cref="Lloyd"/> run started from.</summary>
    public double StartError { get; private set; }

    public ReadOnlySpan<float> CenterL => _cl.AsSpan(0, Count);

    public ReadOnlySpan<float> CenterA => _ca.AsSpan(0, Count);

    public ReadOnlySpan<float> CenterB => _cb.AsSpan(0, Count);

    public ReadOnlySpan<double> ClusterWeights => _weights.AsSpan(0, Count);

    public PointSet Centers => new(CenterL, CenterA, CenterB);

    /// <summary>Forgets every center.</summary>
    public void Clear()
    {
        Count = 0;
        Error = 0;
    }

    public void CopyFrom(KMeans other)
    {
        Count = other.Count;
        Error = other.Error;
        other._cl.CopyTo(_cl, 0);
        other._ca.CopyTo(_ca, 0);
        other._cb.CopyTo(_cb, 0);
        other._weights.CopyTo(_weights, 0);
    }

    /// <summary>Moves center <paramref name="from"/> of <paramref name="other"/> into slot <paramref name="to"/> here.</summary>
    public void SetCenter(int to, KMeans other, int from)
    {
        _cl[to] = other._cl[from];
        _ca[to] = other._ca[from];
        _cb[to] = other._cb[from];
        _weights[to] = other._weights[from];
    }

    public void SetCount(int count, double error)
    {
        Count = count;
        Error = error;
    }

    /// <summary>
    /// Lloyd iterations: assign, then move each center to the weighted mean of its points; stops early once no
    /// label changes. An empty cluster is re-seeded on the point that is served worst. Ends with the labels,
    /// distances, cluster weights and error of the final centers.
    /// </summary>
    public void Lloyd(in PointSet points, ReadOnlySpan<float> weights, int iterations)
    {
        var n = points.Count;
        EnsureCapacity(n);
        var labels = _labels.AsSpan(0, n);
        var dist = _distances.AsSpan(0, n);
        var settled = false;
        for (var it = 0; it < iterations; it++)
        {
            var changed = NearestCenter.Assign(points, Centers, labels, dist);
            if (it == 0)
            {
                StartError = WeightedSum(weights, dist);
            }

            if (changed == 0 && it > 0)
            {
                settled = true;
                break;
            }

            MoveCenters(points, weights, labels, dist);
        }

        if (!settled)
        {
            NearestCenter.Assign(points, Centers, labels, dist);
        }

        Summarize(weights, labels, dist);
    }

    /// <summary>
    /// The warm-start form of <see cref="Lloyd"/>: at most <paramref name="iterations"/> assign-and-move passes
    /// from the current centers, stopping as soon as no center moves by more than <paramref name="tolerance"/>
    /// (an OKLab distance) or no label changes. It ends on a move rather than on an extra assignment: the cluster
    /// weights are those of the last labels, and <see cref="Error"/> is their error about the moved centers
    /// (the error before the move minus Σ weight × squared shift, exact for fixed labels), which a fresh
    /// assignment could only lower. Labels and distances are left as they were before the last move.
    /// </summary>
    public void Refine(in PointSet points, ReadOnlySpan<float> weights, int iterations, float tolerance)
    {
        var n = points.Count;
        EnsureCapacity(n);
        var labels = _labels.AsSpan(0, n);
        var dist = _distances.AsSpan(0, n);
        NearestCenter.Assign(points, Centers, labels, dist);
        var assigned = WeightedSum(weights, dist);
        StartError = assigned;
        var limit = (double)tolerance * tolerance;
        for (var it = 0; ; it++)
        {
            var (shift, largest) = MoveCenters(points, weights, labels, dist);
            Error = Math.Max(assigned - shift, 0);
            if (it + 1 >= iterations || largest <= limit)
            {
                return;
            }

            if (NearestCenter.Assign(points, Centers, labels, dist) == 0)
            {
                // Same labels as before the move, so the moved centers are already their means.
                return;
            }

            assigned = WeightedSum(weights, dist);
        }
    }

    private void Summarize(ReadOnlySpan<float> weights, ReadOnlySpan<int> labels, ReadOnlySpan<float> dist)
    {
        var error = 0.0;
        Array.Clear(_weights);
        for (var i = 0; i < labels.Length; i++)
        {
            error += (double)weights[i] * dist[i];
            _weights[labels[i]] += weights[i];
        }

        Error = error;
    }

    /// <summary>
    /// Moves every center to the weighted mean of its points and sets the cluster weights. Returns Σ weight ×
    /// squared shift over the clusters (how much the move lowered the error of these labels) and the largest
    /// squared shift of a center.
    /// </summary>
    private (double Shift, double Largest) MoveCenters(in PointSet points, ReadOnlySpan<float> weights, ReadOnlySpan<int> labels, Span<float> dist)
    {
        var k = Count;

        // Hot loop, allocation-free: per point, four adds into its cluster's [Σ wL, Σ wa, Σ wb, Σ w] (labels are
        // always below k, so the unchecked offsets stay inside the accumulators). Even and odd points add into
        // two separate banks, so runs of neighboring points in one cluster do not wait on each other's sums.
        Span<double> sums = stackalloc double[8 * ExtractionOptions.MaxColors];
        sums.Clear();
        ref var even = ref MemoryMarshal.GetReference(sums);
        ref var odd = ref Unsafe.Add(ref even, 4 * ExtractionOptions.MaxColors);
        ref var pl = ref MemoryMarshal.GetReference(points.L);
        ref var pa = ref MemoryMarshal.GetReference(points.A);
        ref var pb = ref MemoryMarshal.GetReference(points.B);
        ref var pw = ref MemoryMarshal.GetReference(weights);
        ref var label = ref MemoryMarshal.GetReference(labels);
        var n = points.Count;
        var i = 0;
        for (; i + 1 < n; i += 2)
        {
            Accumulate(ref Unsafe.Add(ref even, 4 * Unsafe.Add(ref label, i)), Unsafe.Add(ref pw, i), Unsafe.Add(ref pl, i), Unsafe.Add(ref pa, i), Unsafe.Add(ref pb, i));
            Accumulate(ref Unsafe.Add(ref odd, 4 * Unsafe.Add(ref label, i + 1)), Unsafe.Add(ref pw, i + 1), Unsafe.Add(ref pl, i + 1), Unsafe.Add(ref pa, i + 1), Unsafe.Add(ref pb, i + 1));
        }

        if (i < n)
        {
            Accumulate(ref Unsafe.Add(ref even, 4 * Unsafe.Add(ref label, i)), Unsafe.Add(ref pw, i), Unsafe.Add(ref pl, i), Unsafe.Add(ref pa, i), Unsafe.Add(ref pb, i));
        }

        var shift = 0.0;
        var largest = 0.0;
        var bank = 4 * ExtractionOptions.MaxColors;
        for (var c = 0; c < k; c++)
        {
            var at = 4 * c;
            var total = sums[at + 3] + sums[bank + at + 3];
            _weights[c] = total;
            if (total > 0)
            {
                var l = (float)((sums[at] + sums[bank + at]) / total);
                var a = (float)((sums[at + 1] + sums[bank + at + 1]) / total);
                var b = (float)((sums[at + 2] + sums[bank + at + 2]) / total);
                var dl = l - _cl[c];
                var da = a - _ca[c];
                var db = b - _cb[c];
                var moved = (dl * dl) + (da * da) + (db * db);
                shift += total * moved;
                largest = Math.Max(largest, moved);
                (_cl[c], _ca[c], _cb[c]) = (l, a, b);
                continue;
            }

            // Empty: take over the point that contributes most error. It is not on any center (its distance is
            // positive), so no two centers coincide; zeroing its distance keeps a second empty cluster off it.
            largest = double.PositiveInfinity;
            var worst = -1;
            var worstError = 0.0;
            for (var p = 0; p < n; p++)
            {
                var e = (double)weights[p] * dist[p];
                if (e > worstError)
                {
                    worstError = e;
                    worst = p;
                }
            }

            if (worst >= 0)
            {
                _cl[c] = points.L[worst];
                _ca[c] = points.A[worst];
                _cb[c] = points.B[worst];
                dist[worst] = 0;
            }
        }

        return (shift, largest);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(ref double cluster, double w, float l, float a, float b)
    {
        cluster += w * l;
        Unsafe.Add(ref cluster, 1) += w * a;
        Unsafe.Add(ref cluster, 2) += w * b;
        Unsafe.Add(ref cluster, 3) += w;
    }

    private static float Distance(in PointSet points, int i, float l, float a, float b)
    {
        var dl = points.L[i] - l;
        var da = points.A[i] - a;
        var db = points.B[i] - b;
        return (dl * dl) + (da * da) + (db * db);
    }

    private void EnsureCapacity(int n)
    {
        if (_labels.Length < n)
        {
            _labels = new int[n + 4];
            _distances = new float[n + 4];
        }
    }
}
