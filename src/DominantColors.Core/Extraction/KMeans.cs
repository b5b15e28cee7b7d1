using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DominantColors.Extraction;

/// <summary>
/// One weighted k-means solution over the points of a <see cref="ColorHistogram"/>: centers in OKLab, the label
/// and squared distance of every point, the weight of every cluster and the total weighted squared error.
/// Buffers grow to the largest input seen and are then reused, so warm runs allocate nothing.
/// </summary>
internal sealed class KMeans
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
    /// Greedy k-means++: adds centers until there are <paramref name="k"/> (or every point is a center). Each new
    /// center is the best of a few candidates drawn with probability weight × squared distance, judged by how much
    /// total error it removes. Existing centers are kept, so a warm start can grow to k.
    /// </summary>
    public void Seed(in PointSet points, ReadOnlySpan<float> weights, int k, ulong seed)
    {
        var n = points.Count;
        EnsureCapacity(n);
        var dist = _distances.AsSpan(0, n);
        var random = new SplitMix64(seed);
        if (Count == 0)
        {
            var total = 0.0;
            foreach (var w in weights)
            {
                total += w;
            }

            AddCenter(points, PickWeighted(weights, dist, total * random.NextDouble(), useDistance: false));
        }

        UpdateDistances(points, 0, Count, dist);
        var trials = 2 + (int)Math.Log(k);
        while (Count < k)
        {
            var potential = WeightedSum(weights, dist);
            if (!(potential > 0))
            {
                return; // every point already sits on a center: fewer colors than k
            }

            var bestCandidate = -1;
            var bestPotential = double.PositiveInfinity;
            for (var t = 0; t < trials; t++)
            {
                var candidate = PickWeighted(weights, dist, potential * random.NextDouble(), useDistance: true);
                var after = PotentialWith(points, weights, dist, candidate);
                if (after < bestPotential)
                {
                    bestPotential = after;
                    bestCandidate = candidate;
                }
            }

            AddCenter(points, bestCandidate);
            UpdateDistances(points, Count - 1, Count, dist);
        }
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
    /// Escapes poor local minima, where Lloyd leaves one center on a small far-off group while a big cluster
    /// covers two colors: moves the center that is cheapest to lose (weight × squared distance to its nearest
    /// neighbor) onto the worst-served point of the cluster with the largest error (or, on a second try, of any
    /// other cluster), reruns Lloyd, and keeps the move only if the error drops. Stops when no center can be
    /// moved with profit, or after <paramref name="maxMoves"/> tries.
    /// </summary>
    public void Relocate(in PointSet points, ReadOnlySpan<float> weights, int iterations, int maxMoves)
    {
        var k = Count;
        var n = points.Count;
        if (k < 2 || n <= k)
        {
            return;
        }

        var labels = _labels.AsSpan(0, n);
        var dist = _distances.AsSpan(0, n);
        Span<bool> tried = stackalloc bool[ExtractionOptions.MaxColors];
        Span<float> saved = stackalloc float[3 * ExtractionOptions.MaxColors];
        Span<double> clusterError = stackalloc double[ExtractionOptions.MaxColors];
        tried.Clear();
        var anywhere = false;
        for (var move = 0; move < maxMoves; move++)
        {
            var cheapest = CheapestToLose(tried);
            if (cheapest < 0)
            {
                return;
            }

            clusterError.Clear();
            for (var i = 0; i < n; i++)
            {
                clusterError[labels[i]] += (double)weights[i] * dist[i];
            }

            clusterError[cheapest] = -1;
            var target = 0;
            for (var c = 1; c < k; c++)
            {
                if (clusterError[c] > clusterError[target])
                {
                    target = c;
                }
            }

            var worst = -1;
            var worstError = 0.0;
            for (var i = 0; i < n; i++)
            {
                var e = (double)weights[i] * dist[i];
                if (e > worstError && (anywhere ? labels[i] != cheapest : labels[i] == target))
                {
                    worstError = e;
                    worst = i;
                }
            }

            if (worst < 0)
            {
                return;
            }

            var before = Error;
            _cl.AsSpan(0, k).CopyTo(saved);
            _ca.AsSpan(0, k).CopyTo(saved[k..]);
            _cb.AsSpan(0, k).CopyTo(saved[(2 * k)..]);
            (_cl[cheapest], _ca[cheapest], _cb[cheapest]) = (points.L[worst], points.A[worst], points.B[worst]);
            Lloyd(points, weights, iterations);
            if (Error < before * 0.9999)
            {
                tried.Clear();
                anywhere = false;
                continue;
            }

            // No gain: put the centers back and recompute what Lloyd left behind for them.
            saved[..k].CopyTo(_cl);
            saved.Slice(k, k).CopyTo(_ca);
            saved.Slice(2 * k, k).CopyTo(_cb);
            NearestCenter.Assign(points, Centers, labels, dist);
            Summarize(weights, labels, dist);
            tried[cheapest] = anywhere;
            anywhere = !anywhere;
        }
    }

    /// <summary>The untried center whose loss would cost least: its weight × squared distance to its nearest neighbor.</summary>
    private int CheapestToLose(ReadOnlySpan<bool> tried)
    {
        var cheapest = -1;
        var cheapestCost = double.PositiveInfinity;
        for (var c = 0; c < Count; c++)
        {
            if (tried[c])
            {
                continue;
            }

            var nearest = float.PositiveInfinity;
            for (var j = 0; j < Count; j++)
            {
                if (j != c)
                {
                    var dl = _cl[c] - _cl[j];
                    var da = _ca[c] - _ca[j];
                    var db = _cb[c] - _cb[j];
                    nearest = MathF.Min(nearest, (dl * dl) + (da * da) + (db * db));
                }
            }

            var cost = _weights[c] * nearest;
            if (cost < cheapestCost)
            {
                cheapestCost = cost;
                cheapest = c;
            }
        }

        return cheapest;
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

    private void MoveCenters(in PointSet points, ReadOnlySpan<float> weights, ReadOnlySpan<int> labels, Span<float> dist)
    {
        var k = Count;

        // Hot loop, allocation-free: per point, four adds into its cluster's [Σ wL, Σ wa, Σ wb, Σ w] (labels are
        // always below k, so the unchecked offsets stay inside the 4 × 32 accumulator).
        Span<double> sums = stackalloc double[4 * ExtractionOptions.MaxColors];
        sums.Clear();
        ref var acc = ref MemoryMarshal.GetReference(sums);
        ref var pl = ref MemoryMarshal.GetReference(points.L);
        ref var pa = ref MemoryMarshal.GetReference(points.A);
        ref var pb = ref MemoryMarshal.GetReference(points.B);
        ref var pw = ref MemoryMarshal.GetReference(weights);
        ref var label = ref MemoryMarshal.GetReference(labels);
        for (var i = 0; i < points.Count; i++)
        {
            ref var cluster = ref Unsafe.Add(ref acc, 4 * Unsafe.Add(ref label, i));
            double w = Unsafe.Add(ref pw, i);
            cluster += w * Unsafe.Add(ref pl, i);
            Unsafe.Add(ref cluster, 1) += w * Unsafe.Add(ref pa, i);
            Unsafe.Add(ref cluster, 2) += w * Unsafe.Add(ref pb, i);
            Unsafe.Add(ref cluster, 3) += w;
        }

        for (var c = 0; c < k; c++)
        {
            var total = sums[(4 * c) + 3];
            _weights[c] = total;
            if (total > 0)
            {
                _cl[c] = (float)(sums[4 * c] / total);
                _ca[c] = (float)(sums[(4 * c) + 1] / total);
                _cb[c] = (float)(sums[(4 * c) + 2] / total);
                continue;
            }

            // Empty: take over the point that contributes most error. It is not on any center (its distance is
            // positive), so no two centers coincide; zeroing its distance keeps a second empty cluster off it.
            var worst = -1;
            var worstError = 0.0;
            for (var i = 0; i < points.Count; i++)
            {
                var e = (double)weights[i] * dist[i];
                if (e > worstError)
                {
                    worstError = e;
                    worst = i;
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
    }

    private void AddCenter(in PointSet points, int index)
    {
        _cl[Count] = points.L[index];
        _ca[Count] = points.A[index];
        _cb[Count] = points.B[index];
        _weights[Count] = 0;
        Count++;
    }

    private void UpdateDistances(in PointSet points, int fromCenter, int toCenter, Span<float> dist)
    {
        for (var i = 0; i < points.Count; i++)
        {
            var best = fromCenter == 0 ? float.PositiveInfinity : dist[i];
            for (var c = fromCenter; c < toCenter; c++)
            {
                var d = Distance(points, i, _cl[c], _ca[c], _cb[c]);
                if (d < best)
                {
                    best = d;
                }
            }

            dist[i] = best;
        }
    }

    private static double PotentialWith(in PointSet points, ReadOnlySpan<float> weights, ReadOnlySpan<float> dist, int candidate)
    {
        float l = points.L[candidate], a = points.A[candidate], b = points.B[candidate];
        var sum = 0.0;
        for (var i = 0; i < points.Count; i++)
        {
            sum += (double)weights[i] * Math.Min(dist[i], Distance(points, i, l, a, b));
        }

        return sum;
    }

    private static double WeightedSum(ReadOnlySpan<float> weights, ReadOnlySpan<float> dist)
    {
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (double)weights[i] * dist[i];
        }

        return sum;
    }

    /// <summary>The point where the running sum of weight (× distance) first passes <paramref name="target"/>.</summary>
    private static int PickWeighted(ReadOnlySpan<float> weights, ReadOnlySpan<float> dist, double target, bool useDistance)
    {
        var sum = 0.0;
        var lastPositive = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var mass = useDistance ? (double)weights[i] * dist[i] : weights[i];
            if (mass <= 0)
            {
                continue;
            }

            sum += mass;
            lastPositive = i;
            if (sum > target)
            {
                return i;
            }
        }

        return lastPositive; // rounding left the target just past the end
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
