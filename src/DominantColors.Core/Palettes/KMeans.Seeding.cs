namespace DominantColors.Palettes;

/// <summary>Seeding: greedy k-means++ from a seed.</summary>
internal sealed partial class KMeans
{
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
}
