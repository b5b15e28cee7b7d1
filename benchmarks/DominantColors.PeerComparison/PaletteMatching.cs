using DominantColors.Colors;

namespace DominantColors.PeerComparison;

/// <summary>
/// How far a palette moved between two frames: colors are paired one to one so that the total OKLab distance is
/// the least (a color's index or weight rank does not matter, so tools that reorder their colors every frame are
/// not penalised for it), and the mean distance of the pairs is the movement. With palettes of different sizes,
/// the extra colors of the larger one stay unpaired.
/// </summary>
internal static class PaletteMatching
{
    /// <summary>The most colors a side may have: the search is exhaustive over subsets of the larger palette.</summary>
    public const int MaxColors = 20;

    public static double MeanMovement(IReadOnlyList<OkLab> first, IReadOnlyList<OkLab> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var (small, large) = first.Count <= second.Count ? (first, second) : (second, first);
        if (small.Count == 0)
        {
            return double.NaN;
        }

        if (large.Count > MaxColors)
        {
            throw new ArgumentException($"Palettes of more than {MaxColors} colors cannot be matched exhaustively ({large.Count}).", nameof(second));
        }

        // best[mask]: the least total distance pairing the first popcount(mask) colors of `small` with the colors
        // of `large` in `mask`.
        var best = new double[1 << large.Count];
        Array.Fill(best, double.PositiveInfinity);
        best[0] = 0;
        var answer = double.PositiveInfinity;
        for (var mask = 0; mask < best.Length; mask++)
        {
            if (double.IsPositiveInfinity(best[mask]))
            {
                continue;
            }

            var paired = System.Numerics.BitOperations.PopCount((uint)mask);
            if (paired == small.Count)
            {
                answer = Math.Min(answer, best[mask]);
                continue;
            }

            for (var j = 0; j < large.Count; j++)
            {
                if ((mask & (1 << j)) == 0)
                {
                    var distance = Math.Sqrt(ColorSpaces.DistanceSquared(small[paired], large[j]));
                    var next = mask | (1 << j);
                    best[next] = Math.Min(best[next], best[mask] + distance);
                }
            }
        }

        return answer / small.Count;
    }
}
