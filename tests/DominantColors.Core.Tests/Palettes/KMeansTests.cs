using DominantColors.Frames;
using DominantColors.Palettes;
using DominantColors.Testing.Imaging;

namespace DominantColors.Core.Tests.Palettes;

public sealed class KMeansTests
{
    [Fact]
    public void Refine_UntilSettled_EndsWhereLloydEnds()
    {
        var extractor = Sampled(scene: 5);
        var points = extractor.Points;
        var weights = extractor.Histogram.Weights;
        var lloyd = new KMeans();
        var refine = new KMeans();
        lloyd.Seed(points, weights, 6, seed: 1);
        refine.Seed(points, weights, 6, seed: 1);

        lloyd.Lloyd(points, weights, 500);
        refine.Refine(points, weights, 500, tolerance: 0f);

        Assert.Equal(lloyd.CenterL.ToArray(), refine.CenterL.ToArray());
        Assert.Equal(lloyd.CenterA.ToArray(), refine.CenterA.ToArray());
        Assert.Equal(lloyd.CenterB.ToArray(), refine.CenterB.ToArray());
        Assert.Equal(lloyd.ClusterWeights.ToArray(), refine.ClusterWeights.ToArray());
        Assert.Equal(lloyd.Error, refine.Error, lloyd.Error * 1e-6);
    }

    [Fact]
    public void Refine_OnePass_ReportsAnErrorBetweenTheTrueOneAndTheStart()
    {
        var extractor = Sampled(scene: 9);
        var points = extractor.Points;
        var weights = extractor.Histogram.Weights;
        var kmeans = new KMeans();
        kmeans.Seed(points, weights, 8, seed: 3);

        kmeans.Refine(points, weights, 1, tolerance: 0f);

        var nearest = NearestError(points, weights, kmeans);
        Assert.True(kmeans.Error >= nearest * (1 - 1e-6), $"reported {kmeans.Error:g6} is below the nearest-center error {nearest:g6}");
        Assert.True(kmeans.Error < kmeans.StartError, $"one pass from k-means++ seeds should lower the error ({kmeans.StartError:g6} -> {kmeans.Error:g6})");
        Assert.Equal(weights.ToArray().Sum(w => (double)w), kmeans.ClusterWeights.ToArray().Sum(), 6);
    }

    [Fact]
    public void Refine_SettledCenters_StayPut()
    {
        var extractor = Sampled(scene: 2);
        var points = extractor.Points;
        var weights = extractor.Histogram.Weights;
        var kmeans = new KMeans();
        kmeans.Seed(points, weights, 5, seed: 7);
        kmeans.Lloyd(points, weights, 500);
        var settled = kmeans.CenterL.ToArray();
        var error = kmeans.Error;

        kmeans.Refine(points, weights, 3, tolerance: 0.001f);

        Assert.Equal(settled, kmeans.CenterL.ToArray());
        Assert.Equal(error, kmeans.StartError, error * 1e-9);
        Assert.Equal(error, kmeans.Error, error * 1e-6);
    }

    private static PaletteExtractor Sampled(int scene)
    {
        var extractor = new PaletteExtractor(ExtractionOptions.Default);
        Span<PixelRect> whole = [new PixelRect(0, 0, 96, 54)];
        extractor.Sample(new Rgb24Image(SyntheticFrames.Scene(96, 54, scene, noise: 10), 96, 54), whole);
        return extractor;
    }

    private static double NearestError(PointSet points, ReadOnlySpan<float> weights, KMeans kmeans)
    {
        var sum = 0.0;
        for (var i = 0; i < points.Count; i++)
        {
            var best = float.PositiveInfinity;
            for (var c = 0; c < kmeans.Count; c++)
            {
                var dl = points.L[i] - kmeans.CenterL[c];
                var da = points.A[i] - kmeans.CenterA[c];
                var db = points.B[i] - kmeans.CenterB[c];
                best = MathF.Min(best, (dl * dl) + (da * da) + (db * db));
            }

            sum += (double)weights[i] * best;
        }

        return sum;
    }
}
