using DominantColors.Colors;

namespace DominantColors.Palettes;

/// <summary>
/// The dominant colors of an image. <see cref="Entries"/> are sorted by weight, heaviest first;
/// <see cref="BySlot"/> holds the same clusters in the order of their centers, which a
/// <see cref="PaletteTracker"/> keeps from frame to frame: slot i stays "the same cluster" until a scene cut.
/// </summary>
public sealed class Palette
{
    private readonly PaletteEntry[] _entries;
    private readonly PaletteEntry[] _slots;
    private int _count;
    private int _slotCount;

    internal Palette(int capacity)
    {
        _entries = new PaletteEntry[capacity];
        _slots = new PaletteEntry[capacity];
    }

    /// <summary>A palette with no colors, e.g. of a 0x0 image.</summary>
    public static Palette Empty { get; } = new(0);

    /// <summary>The number of colors with a non-zero weight.</summary>
    public int Count => _count;

    public bool IsEmpty => _count == 0;

    /// <summary>The colors, heaviest first; weights sum to 1. Ties keep slot order.</summary>
    public ReadOnlySpan<PaletteEntry> Entries => _entries.AsSpan(0, _count);

    /// <summary>
    /// Every cluster in slot order. A tracked slot whose colors left the picture keeps its last center with
    /// weight 0, so this can be longer than <see cref="Entries"/>.
    /// </summary>
    public ReadOnlySpan<PaletteEntry> BySlot => _slots.AsSpan(0, _slotCount);

    public PaletteEntry this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The palette has {_count} colors.");
            }

            return _entries[index];
        }
    }

    /// <summary>The n-th heaviest color from 0; past the end it is the lightest-weighted one. Empty: black, weight 0.</summary>
    public PaletteEntry Rank(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return _count == 0 ? default : _entries[Math.Min(n, _count - 1)];
    }

    /// <summary>
    /// The heaviest color the filter allows. When it allows none, the heaviest color; when the palette is empty,
    /// black with weight 0.
    /// </summary>
    public PaletteEntry Dominant(PaletteFilter filter = default)
    {
        foreach (ref readonly var entry in Entries)
        {
            if (filter.Allows(entry))
            {
                return entry;
            }
        }

        return Rank(0);
    }

    /// <summary>
    /// The most striking color: the highest chroma × √weight, so a small vivid blue beats a large grey while a
    /// speck of saturated noise does not beat a sizeable colorful area. Falls back like <see cref="Dominant"/>.
    /// </summary>
    public PaletteEntry Accent(PaletteFilter filter = default)
    {
        var best = -1;
        var bestScore = -1f;
        for (var i = 0; i < _count; i++)
        {
            ref readonly var entry = ref _entries[i];
            if (!filter.Allows(entry))
            {
                continue;
            }

            var score = entry.Chroma * MathF.Sqrt(entry.Weight);
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        return best < 0 ? Rank(0) : _entries[best];
    }

    /// <summary>A copy that a later tracker update will not overwrite.</summary>
    public Palette Clone()
    {
        var copy = new Palette(_slotCount);
        _slots.AsSpan(0, _slotCount).CopyTo(copy._slots);
        _entries.AsSpan(0, _count).CopyTo(copy._entries);
        copy._slotCount = _slotCount;
        copy._count = _count;
        return copy;
    }

    /// <summary>
    /// A palette of given colors, e.g. another tool's output, so that <see cref="PaletteQuality"/> can score it on
    /// the same terms as ours. <paramref name="weights"/> holds one non-negative weight per color on any scale
    /// (pixel counts or shares); empty means equal weights. A color of weight 0 is kept in <see cref="BySlot"/> only.
    /// </summary>
    public static Palette FromColors(ReadOnlySpan<Rgb24> colors, ReadOnlySpan<double> weights)
    {
        if (!weights.IsEmpty && weights.Length != colors.Length)
        {
            throw new ArgumentException(
                $"{weights.Length} weights were given for {colors.Length} colors; give one per color or none.", nameof(weights));
        }

        var l = new float[colors.Length];
        var a = new float[colors.Length];
        var b = new float[colors.Length];
        var shares = new double[colors.Length];
        for (var i = 0; i < colors.Length; i++)
        {
            var weight = weights.IsEmpty ? 1.0 : weights[i];
            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(weights), weight, $"The weight of color {i} ({colors[i].ToHex()}) must be finite and not negative.");
            }

            var lab = ColorSpaces.ToOkLab(colors[i]);
            (l[i], a[i], b[i], shares[i]) = (lab.L, lab.A, lab.B, weight);
        }

        var palette = new Palette(colors.Length);
        palette.Set(l, a, b, shares);
        return palette;
    }

    /// <summary>Fills the palette from cluster centers and their pixel weights; allocates nothing.</summary>
    internal void Set(ReadOnlySpan<float> l, ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        _slotCount = weights.Length;
        _count = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var lab = new OkLab(l[i], a[i], b[i]);
            var share = total > 0 ? (float)(weights[i] / total) : 0f;
            var entry = new PaletteEntry(ColorSpaces.ToRgb24(lab), lab, share);
            _slots[i] = entry;
            if (share > 0f)
            {
                // Insertion sort by weight, descending; equal weights keep slot order. k is at most 32.
                var j = _count++;
                while (j > 0 && _entries[j - 1].Weight < share)
                {
                    _entries[j] = _entries[j - 1];
                    j--;
                }

                _entries[j] = entry;
            }
        }
    }

    internal void Clear()
    {
        _count = 0;
        _slotCount = 0;
    }
}
