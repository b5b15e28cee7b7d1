namespace DominantColors.Palettes;

/// <summary>OKLab points (or centers) as three parallel spans: L, a and b of point i sit at index i.</summary>
internal readonly ref struct PointSet
{
    public PointSet(ReadOnlySpan<float> l, ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != l.Length || b.Length != l.Length)
        {
            throw new ArgumentException("L, a and b must hold the same number of values.", nameof(l));
        }

        L = l;
        A = a;
        B = b;
    }

    public ReadOnlySpan<float> L { get; }

    public ReadOnlySpan<float> A { get; }

    public ReadOnlySpan<float> B { get; }

    public int Count => L.Length;
}
