using DominantColors.Palettes;
using DominantColors.Testing.Imaging;

namespace DominantColors.Core.Tests.Palettes;

public sealed class NearestCenterTests
{
    public static TheoryData<int> Sizes()
    {
        var sizes = new TheoryData<int>();
        for (var n = 1; n <= 17; n++)
        {
            sizes.Add(n);
        }

        // Past the 16-point groups of the Vector256 loop: 16 + 8 + 4 + 3 and 32 + 8 + 4 + 3 points.
        sizes.Add(31);
        sizes.Add(47);
        return sizes;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void AssignVector_AnySize_EqualsScalarBitForBit(int n)
    {
        foreach (var k in new[] { 1, 2, 3, 8, 32 })
        {
            var random = new TestRandom((ulong)((n * 100) + k));
            var (pl, pa, pb) = (Floats(n, ref random), Floats(n, ref random), Floats(n, ref random));
            var (cl, ca, cb) = (Floats(k, ref random), Floats(k, ref random), Floats(k, ref random));
            if (k > 1)
            {
                // A duplicate center and a point on it: ties must go the same way on both paths.
                (cl[k - 1], ca[k - 1], cb[k - 1]) = (cl[0], ca[0], cb[0]);
                (pl[0], pa[0], pb[0]) = (cl[0], ca[0], cb[0]);
            }

            var points = new PointSet(pl, pa, pb);
            var centers = new PointSet(cl, ca, cb);
            var (scalarLabels, scalarDistances) = (new int[n], new float[n]);
            var (vectorLabels, vectorDistances) = (new int[n], new float[n]);

            var scalarChanged = NearestCenter.AssignScalar(points, centers, scalarLabels, scalarDistances, 0);
            var vectorChanged = NearestCenter.AssignVector(points, centers, vectorLabels, vectorDistances);

            Assert.Equal(scalarLabels, vectorLabels);
            Assert.Equal(scalarDistances, vectorDistances);
            Assert.Equal(scalarChanged, vectorChanged);
        }
    }

    [Fact]
    public void Assign_LabelsAlreadyRight_ReportsNoChange()
    {
        float[] l = [0f, 1f, 0f, 1f, 0f], a = new float[5], b = new float[5];
        float[] cl = [0f, 1f], ca = new float[2], cb = new float[2];
        var labels = new int[5];
        var distances = new float[5];
        var points = new PointSet(l, a, b);
        var centers = new PointSet(cl, ca, cb);

        Assert.Equal(2, NearestCenter.Assign(points, centers, labels, distances));
        Assert.Equal(0, NearestCenter.Assign(points, centers, labels, distances));
        Assert.Equal([0, 1, 0, 1, 0], labels);
    }

    private static float[] Floats(int n, ref TestRandom random)
    {
        var values = new float[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = (random.NextFloat() * 2f) - 1f;
        }

        return values;
    }
}
