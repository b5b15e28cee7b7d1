using DominantColors.Colors;
using DominantColors.Frames;
using DominantColors.Palettes;
using DominantColors.Testing.Imaging;

namespace DominantColors.Core.Tests.Palettes;

public sealed class ColorHistogramTests
{
    [Fact]
    public void BuildPoints_EveryBinOccupied_GrowsAndCountsEachPixelOnce()
    {
        // 256 x 128 pixels, one in each of the 32 768 five-bit bins: far more bins than the 64 expected samples.
        var pixels = new byte[256 * 128 * 3];
        for (var bin = 0; bin < 32768; bin++)
        {
            (pixels[3 * bin], pixels[(3 * bin) + 1], pixels[(3 * bin) + 2]) = ((byte)((bin >> 10) << 3), (byte)(((bin >> 5) & 31) << 3), (byte)((bin & 31) << 3));
        }

        var histogram = new ColorHistogram(5, expectedSamples: 64);
        histogram.Add(new Rgb24Image(pixels, 256, 128), 1);
        histogram.BuildPoints();

        Assert.Equal(32768, histogram.PointCount);
        Assert.Equal(32768, histogram.SampleCount);
        Assert.All(histogram.Weights.ToArray(), w => Assert.Equal(1f, w));
    }

    [Fact]
    public void BuildPoints_AfterClear_HoldsOnlyTheNewFramesExactBinMeans()
    {
        var histogram = new ColorHistogram(5, expectedSamples: 4096);
        histogram.Add(new Rgb24Image(SyntheticFrames.Scene(64, 36, scene: 3), 64, 36), 1);
        histogram.BuildPoints();
        var pixels = SyntheticFrames.Scene(48, 30, scene: 8, noise: 20);

        histogram.Clear();
        histogram.Add(new Rgb24Image(pixels, 48, 30), 1);
        histogram.BuildPoints();

        // The same bins by brute force: pixel count and mean color of each, compared in OKLab.
        var expected = new Dictionary<int, (int Count, long R, long G, long B)>();
        for (var i = 0; i < pixels.Length; i += 3)
        {
            var bin = ((pixels[i] >> 3) << 10) | ((pixels[i + 1] >> 3) << 5) | (pixels[i + 2] >> 3);
            expected.TryGetValue(bin, out var sums);
            expected[bin] = (sums.Count + 1, sums.R + pixels[i], sums.G + pixels[i + 1], sums.B + pixels[i + 2]);
        }

        Assert.Equal(48 * 30, histogram.SampleCount);
        Assert.Equal(expected.Count, histogram.PointCount);
        var remaining = expected.Values.ToList();
        for (var p = 0; p < histogram.PointCount; p++)
        {
            var match = remaining.FindIndex(e =>
            {
                var lab = MeanOkLab(e);
                return e.Count == histogram.Weights[p] && Math.Abs(lab.L - histogram.L[p]) < 1e-5f
                    && Math.Abs(lab.A - histogram.A[p]) < 1e-5f && Math.Abs(lab.B - histogram.B[p]) < 1e-5f;
            });
            Assert.True(match >= 0, $"point {p} matches no bin of the new frame");
            remaining.RemoveAt(match);
        }
    }

    [Fact]
    public void Add_SampledGrid_CountsOnePixelPerCell()
    {
        var histogram = new ColorHistogram(5, expectedSamples: 16);

        histogram.Add(new Rgb24Image(SyntheticFrames.Scene(100, 50, scene: 1), 100, 50), 7);

        Assert.Equal(14 * 7, histogram.SampleCount); // columns 3, 10, ..., 94 and rows 3, 10, ..., 45
    }

    private static OkLab MeanOkLab((int Count, long R, long G, long B) bin)
    {
        static float Linear(double level)
        {
            var c = level / 255.0;
            return (float)(c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4));
        }

        return ColorSpaces.LinearToOkLab(Linear((double)bin.R / bin.Count), Linear((double)bin.G / bin.Count), Linear((double)bin.B / bin.Count));
    }
}
