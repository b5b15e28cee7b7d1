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
    private readonly double[] _sumL = new double[ExtractionOptions.MaxColors];
    private readonly double[] _sumA = new double[ExtractionOptions.MaxColors];
    private readonly double[] _sumB = new double[ExtractionOptions.MaxColors];
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

        var error = 0.0;
        Array.Clear(_weights);
        for (var i = 0; i < n; i++)
        {
            error += (double)weights[i] * dist[i];
            _weights[labels[i]] += weights[i];
        }

        Error = error;
    }

    private void MoveCenters(in PointSet points, ReadOnlySpan<float> weights, ReadOnlySpan<int> labels, Span<float> dist)
    {
        var k = Count;
        Array.Clear(_sumL);
        Array.Clear(_sumA);
        Array.Clear(_sumB);
        Array.Clear(_weights);
        for (var i = 0; i < points.Count; i++)
        {
            var c = labels[i];
            double w = weights[i];
            _sumL[c] += w * points.L[i];
            _sumA[c] += w * points.A[i];
            _sumB[c] += w * points.B[i];
            _weights[c] += w;
        }

        for (var c = 0; c < k; c++)
        {
            if (_weights[c] > 0)
            {
                _cl[c] = (float)(_sumL[c] / _weights[c]);
                _ca[c] = (float)(_sumA[c] / _weights[c]);
                _cb[c] = (float)(_sumB[c] / _weights[c]);
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
