namespace DominantColors.Palettes;

/// <summary>Relocation: a local search that moves single centers out of poor local minima.</summary>
internal sealed partial class KMeans
{
    /// <summary>How many of the clusters with the largest error a center is offered to before it counts as tried.</summary>
    private const int RelocationTargets = 2;

    /// <summary>
    /// Lloyd iterations a relocation try gets before it is judged. Most tries fall back into the minimum they
    /// left; on generated scenes, judging them after 8 iterations left as many single runs more than 2% off
    /// best-of-8 (2 of 360) as judging them settled, at about half the cost. A kept move then runs to the full budget.
    /// </summary>
    private const int TrialIterations = 8;

    /// <summary>
    /// Escapes poor local minima, where Lloyd leaves one center on a small far-off group while a big cluster
    /// covers two colors. Takes the untried center that is cheapest to lose (weight × squared distance to its
    /// nearest neighbor) and moves it onto the worst-served point of the cluster with the largest error, reruns
    /// Lloyd and keeps the move only if the error drops; if not, tries the cluster with the second-largest
    /// error before marking the center tried. A kept move makes every center untried again. Stops when every
    /// center is tried, or after <paramref name="maxMoves"/> tries.
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
        var rank = 0;
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

            var target = RankedByError(clusterError[..k], cheapest, rank);
            var worst = WorstServed(weights, labels, dist, target);
            if (worst >= 0)
            {
                var before = Error;
                _cl.AsSpan(0, k).CopyTo(saved);
                _ca.AsSpan(0, k).CopyTo(saved[k..]);
                _cb.AsSpan(0, k).CopyTo(saved[(2 * k)..]);
                (_cl[cheapest], _ca[cheapest], _cb[cheapest]) = (points.L[worst], points.A[worst], points.B[worst]);
                Lloyd(points, weights, Math.Min(iterations, TrialIterations));
                if (Error < before * 0.9999)
                {
                    if (iterations > TrialIterations)
                    {
                        Lloyd(points, weights, iterations); // a keeper: let it settle
                    }

                    tried.Clear();
                    rank = 0;
                    continue;
                }

                // No gain: put the centers back and recompute what Lloyd left behind for them.
                saved[..k].CopyTo(_cl);
                saved.Slice(k, k).CopyTo(_ca);
                saved.Slice(2 * k, k).CopyTo(_cb);
                NearestCenter.Assign(points, Centers, labels, dist);
                Summarize(weights, labels, dist);
            }

            if (++rank >= Math.Min(RelocationTargets, k - 1))
            {
                tried[cheapest] = true;
                rank = 0;
            }
        }
    }

    /// <summary>The cluster with the <paramref name="rank"/>-th largest error (from 0), <paramref name="excluded"/> left out.</summary>
    private static int RankedByError(ReadOnlySpan<double> clusterError, int excluded, int rank)
    {
        Span<bool> taken = stackalloc bool[ExtractionOptions.MaxColors];
        taken.Clear();
        taken[excluded] = true;
        var target = excluded;
        for (var r = 0; r <= rank; r++)
        {
            target = -1;
            for (var c = 0; c < clusterError.Length; c++)
            {
                if (!taken[c] && (target < 0 || clusterError[c] > clusterError[target]))
                {
                    target = c;
                }
            }

            if (target < 0)
            {
                return excluded;
            }

            taken[target] = true;
        }

        return target;
    }

    /// <summary>The point of cluster <paramref name="cluster"/> with the largest weight × squared distance; -1 if none has any.</summary>
    private static int WorstServed(ReadOnlySpan<float> weights, ReadOnlySpan<int> labels, ReadOnlySpan<float> dist, int cluster)
    {
        var worst = -1;
        var worstError = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            var e = (double)weights[i] * dist[i];
            if (e > worstError && labels[i] == cluster)
            {
                worstError = e;
                worst = i;
            }
        }

        return worst;
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
}
