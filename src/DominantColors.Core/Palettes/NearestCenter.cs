using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DominantColors.Palettes;

/// <summary>
/// The assignment step of k-means: for every point, the nearest center and the squared OKLab distance to it.
/// Points and centers are stored as separate L, a, b arrays (structure of arrays), so the vector path handles
/// eight (Vector256, where the CPU has it) or four points per step. All paths do the same float operations in the
/// same order, so they agree bit for bit, and ties go to the lower center index.
/// </summary>
internal static class NearestCenter
{
    /// <summary>Labels every point; returns how many labels changed. Uses Vector128 when the hardware has it.</summary>
    public static int Assign(in PointSet points, in PointSet centers, Span<int> labels, Span<float> distances) =>
        Vector128.IsHardwareAccelerated
            ? AssignVector(points, centers, labels, distances)
            : AssignScalar(points, centers, labels, distances, 0);

    /// <summary>The reference implementation, from point <paramref name="start"/> on; also the tail of the vector path.</summary>
    public static int AssignScalar(in PointSet points, in PointSet centers, Span<int> labels, Span<float> distances, int start)
    {
        var n = points.Count;
        var k = centers.Count;
        var changed = 0;
        for (var i = start; i < n; i++)
        {
            float l = points.L[i], a = points.A[i], b = points.B[i];
            var best = float.PositiveInfinity;
            var bestIndex = 0;
            for (var j = 0; j < k; j++)
            {
                var dl = l - centers.L[j];
                var da = a - centers.A[j];
                var db = b - centers.B[j];
                var d = (dl * dl) + (da * da) + (db * db);
                if (d < best)
                {
                    best = d;
                    bestIndex = j;
                }
            }

            if (labels[i] != bestIndex)
            {
                changed++;
                labels[i] = bestIndex;
            }

            distances[i] = best;
        }

        return changed;
    }

    // Hot loop: allocates nothing. Lane layout: lane t of each Vector128<float> holds point i + t, so one register
    // carries L (or a, or b) of four consecutive points; the center's L, a, b are broadcast to all four lanes.
    // The running best distance and best index (as int lanes) are kept per lane and blended with a mask.
    // Two groups of four points go through the center loop together, so their compare-and-blend chains overlap.
    public static int AssignVector(in PointSet points, in PointSet centers, Span<int> labels, Span<float> distances)
    {
        var n = points.Count;
        var k = centers.Count;
        if (n < Vector128<float>.Count || k == 0)
        {
            return AssignScalar(points, centers, labels, distances, 0);
        }

        ref var pl = ref MemoryMarshal.GetReference(points.L);
        ref var pa = ref MemoryMarshal.GetReference(points.A);
        ref var pb = ref MemoryMarshal.GetReference(points.B);
        ref var cl = ref MemoryMarshal.GetReference(centers.L);
        ref var ca = ref MemoryMarshal.GetReference(centers.A);
        ref var cb = ref MemoryMarshal.GetReference(centers.B);
        ref var label = ref MemoryMarshal.GetReference(labels);
        ref var distance = ref MemoryMarshal.GetReference(distances);
        _ = labels[n - 1];
        _ = distances[n - 1];
        var changed = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            i = AssignWide(points, centers, ref label, ref distance, ref changed);
        }

        for (; i <= n - 8; i += 8)
        {
            var l0 = Vector128.LoadUnsafe(ref pl, (nuint)i);
            var a0 = Vector128.LoadUnsafe(ref pa, (nuint)i);
            var b0 = Vector128.LoadUnsafe(ref pb, (nuint)i);
            var l1 = Vector128.LoadUnsafe(ref pl, (nuint)i + 4);
            var a1 = Vector128.LoadUnsafe(ref pa, (nuint)i + 4);
            var b1 = Vector128.LoadUnsafe(ref pb, (nuint)i + 4);
            var best0 = Vector128.Create(float.PositiveInfinity);
            var best1 = best0;
            var index0 = Vector128<int>.Zero;
            var index1 = index0;
            for (var j = 0; j < k; j++)
            {
                var jl = Vector128.Create(Unsafe.Add(ref cl, j));
                var ja = Vector128.Create(Unsafe.Add(ref ca, j));
                var jb = Vector128.Create(Unsafe.Add(ref cb, j));
                var jv = Vector128.Create(j);
                var dl0 = l0 - jl;
                var da0 = a0 - ja;
                var db0 = b0 - jb;
                var dl1 = l1 - jl;
                var da1 = a1 - ja;
                var db1 = b1 - jb;
                var d0 = (dl0 * dl0) + (da0 * da0) + (db0 * db0);
                var d1 = (dl1 * dl1) + (da1 * da1) + (db1 * db1);
                var closer0 = Vector128.LessThan(d0, best0);
                var closer1 = Vector128.LessThan(d1, best1);
                best0 = Vector128.ConditionalSelect(closer0, d0, best0);
                best1 = Vector128.ConditionalSelect(closer1, d1, best1);
                index0 = Vector128.ConditionalSelect(closer0.AsInt32(), jv, index0);
                index1 = Vector128.ConditionalSelect(closer1.AsInt32(), jv, index1);
            }

            changed += Store(index0, best0, ref label, ref distance, i);
            changed += Store(index1, best1, ref label, ref distance, i + 4);
        }

        for (; i <= n - 4; i += 4)
        {
            var l = Vector128.LoadUnsafe(ref pl, (nuint)i);
            var a = Vector128.LoadUnsafe(ref pa, (nuint)i);
            var b = Vector128.LoadUnsafe(ref pb, (nuint)i);
            var best = Vector128.Create(float.PositiveInfinity);
            var bestIndex = Vector128<int>.Zero;
            for (var j = 0; j < k; j++)
            {
                var dl = l - Vector128.Create(Unsafe.Add(ref cl, j));
                var da = a - Vector128.Create(Unsafe.Add(ref ca, j));
                var db = b - Vector128.Create(Unsafe.Add(ref cb, j));
                var d = (dl * dl) + (da * da) + (db * db);
                var closer = Vector128.LessThan(d, best);
                best = Vector128.ConditionalSelect(closer, d, best);
                bestIndex = Vector128.ConditionalSelect(closer.AsInt32(), Vector128.Create(j), bestIndex);
            }

            changed += Store(bestIndex, best, ref label, ref distance, i);
        }

        return changed + AssignScalar(points, centers, labels, distances, i);
    }

    // The same as the first loop of AssignVector with Vector256 (AVX2): two groups of eight points per center loop.
    // Returns the index of the first point left for the narrower loops.
    private static int AssignWide(in PointSet points, in PointSet centers, ref int label, ref float distance, ref int changed)
    {
        var n = points.Count;
        var k = centers.Count;
        ref var pl = ref MemoryMarshal.GetReference(points.L);
        ref var pa = ref MemoryMarshal.GetReference(points.A);
        ref var pb = ref MemoryMarshal.GetReference(points.B);
        ref var cl = ref MemoryMarshal.GetReference(centers.L);
        ref var ca = ref MemoryMarshal.GetReference(centers.A);
        ref var cb = ref MemoryMarshal.GetReference(centers.B);
        var i = 0;
        for (; i <= n - 16; i += 16)
        {
            var l0 = Vector256.LoadUnsafe(ref pl, (nuint)i);
            var a0 = Vector256.LoadUnsafe(ref pa, (nuint)i);
            var b0 = Vector256.LoadUnsafe(ref pb, (nuint)i);
            var l1 = Vector256.LoadUnsafe(ref pl, (nuint)i + 8);
            var a1 = Vector256.LoadUnsafe(ref pa, (nuint)i + 8);
            var b1 = Vector256.LoadUnsafe(ref pb, (nuint)i + 8);
            var best0 = Vector256.Create(float.PositiveInfinity);
            var best1 = best0;
            var index0 = Vector256<int>.Zero;
            var index1 = index0;
            for (var j = 0; j < k; j++)
            {
                var jl = Vector256.Create(Unsafe.Add(ref cl, j));
                var ja = Vector256.Create(Unsafe.Add(ref ca, j));
                var jb = Vector256.Create(Unsafe.Add(ref cb, j));
                var jv = Vector256.Create(j);
                var dl0 = l0 - jl;
                var da0 = a0 - ja;
                var db0 = b0 - jb;
                var dl1 = l1 - jl;
                var da1 = a1 - ja;
                var db1 = b1 - jb;
                var d0 = (dl0 * dl0) + (da0 * da0) + (db0 * db0);
                var d1 = (dl1 * dl1) + (da1 * da1) + (db1 * db1);
                var closer0 = Vector256.LessThan(d0, best0);
                var closer1 = Vector256.LessThan(d1, best1);
                best0 = Vector256.ConditionalSelect(closer0, d0, best0);
                best1 = Vector256.ConditionalSelect(closer1, d1, best1);
                index0 = Vector256.ConditionalSelect(closer0.AsInt32(), jv, index0);
                index1 = Vector256.ConditionalSelect(closer1.AsInt32(), jv, index1);
            }

            changed += Store(index0, best0, ref label, ref distance, i);
            changed += Store(index1, best1, ref label, ref distance, i + 8);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Store(Vector256<int> index, Vector256<float> best, ref int label, ref float distance, int i)
    {
        var previous = Vector256.LoadUnsafe(ref label, (nuint)i);
        var moved = ~Vector256.Equals(previous, index);
        index.StoreUnsafe(ref label, (nuint)i);
        best.StoreUnsafe(ref distance, (nuint)i);
        return BitOperations.PopCount(moved.ExtractMostSignificantBits());
    }

    /// <summary>Writes four labels and distances; returns how many labels differ from the ones overwritten.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Store(Vector128<int> index, Vector128<float> best, ref int label, ref float distance, int i)
    {
        var previous = Vector128.LoadUnsafe(ref label, (nuint)i);
        var moved = ~Vector128.Equals(previous, index);
        index.StoreUnsafe(ref label, (nuint)i);
        best.StoreUnsafe(ref distance, (nuint)i);
        return BitOperations.PopCount(moved.ExtractMostSignificantBits());
    }
}
