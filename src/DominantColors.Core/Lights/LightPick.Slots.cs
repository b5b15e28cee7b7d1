using DominantColors.Palettes;

namespace DominantColors.Lights;

/// <content>
/// The pick by cluster slot (<see cref="Palette.BySlot"/>) rather than by entry, so <see cref="LightPickHold"/> can
/// follow one tracked cluster from frame to frame. Chooses the same cluster as <see cref="Select"/>.
/// </content>
public readonly partial record struct LightPick
{
    /// <summary>
    /// What this pick ranks clusters by: the share of the zone for <c>dominant</c> and <c>rank:N</c>; for
    /// <c>accent</c> the colorfulness score of <see cref="Palette.Accent"/>, chroma × √share.
    /// </summary>
    public float Score(in PaletteEntry entry) =>
        Kind == LightPickKind.Accent ? entry.Chroma * MathF.Sqrt(entry.Weight) : entry.Weight;

    /// <summary>
    /// The slot in <see cref="Palette.BySlot"/> of the cluster <see cref="Select"/> returns, or -1 for an empty
    /// palette. Ties go where <see cref="Select"/> sends them: the heavier cluster, then the lower slot. Allocates nothing.
    /// </summary>
    internal int SelectSlot(Palette palette, PaletteFilter filter)
    {
        var slots = palette.BySlot;
        if (palette.IsEmpty)
        {
            return -1;
        }

        var best = -1;
        if (Kind != LightPickKind.Rank)
        {
            for (var s = 0; s < slots.Length; s++)
            {
                if (slots[s].Weight > 0f && filter.Allows(slots[s]) && (best < 0 || Beats(slots[s], s, slots[best], best)))
                {
                    best = s;
                }
            }

            // The filter allows none: the heaviest cluster, like Palette.Dominant and Palette.Accent.
            return best >= 0 ? best : SlotAtRank(slots, 0, palette.Count);
        }

        return SlotAtRank(slots, Rank - 1, palette.Count);
    }

    /// <summary>Whether a cluster of non-zero share counts as this pick's choice (a cluster of no share never does).</summary>
    internal static bool IsShown(in PaletteEntry entry) => entry.Weight > 0f;

    /// <summary>The n-th heaviest cluster from 0 (ties: lower slot first); past the end, the lightest.</summary>
    private static int SlotAtRank(ReadOnlySpan<PaletteEntry> slots, int rank, int count)
    {
        var wanted = Math.Min(rank, count - 1);
        for (var s = 0; s < slots.Length; s++)
        {
            if (!IsShown(slots[s]))
            {
                continue;
            }

            // Its rank is the number of clusters ahead of it; k is at most 32, so the square is cheap.
            var ahead = 0;
            for (var t = 0; t < slots.Length; t++)
            {
                if (t != s && IsShown(slots[t]) && Heavier(slots[t], t, slots[s], s))
                {
                    ahead++;
                }
            }

            if (ahead == wanted)
            {
                return s;
            }
        }

        return -1;
    }

    private static bool Heavier(in PaletteEntry x, int xSlot, in PaletteEntry y, int ySlot) =>
        x.Weight > y.Weight || (x.Weight == y.Weight && xSlot < ySlot);

    /// <summary>Higher score; on a tie, the heavier cluster (the palette's entry order), then the lower slot.</summary>
    private bool Beats(in PaletteEntry x, int xSlot, in PaletteEntry y, int ySlot)
    {
        var scoreX = Score(x);
        var scoreY = Score(y);
        return scoreX > scoreY || (scoreX == scoreY && Heavier(x, xSlot, y, ySlot));
    }
}
