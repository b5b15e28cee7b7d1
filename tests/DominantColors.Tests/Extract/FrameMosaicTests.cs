using DominantColors.Extract;

namespace DominantColors.Tests.Extract;

public sealed class FrameMosaicTests
{
    [Fact]
    public void Add_FewFrames_OneRowEachSampledFromTheFrame()
    {
        var mosaic = new FrameMosaic(samplesPerFrame: 4);

        mosaic.Add(Solid(8, 2, 10), 8, 2);
        mosaic.Add(Solid(8, 2, 20), 8, 2);

        Assert.Equal(2, mosaic.Rows);
        Assert.Equal(Enumerable.Repeat((byte)10, 12).Concat(Enumerable.Repeat((byte)20, 12)), mosaic.Pixels.ToArray());
    }

    [Fact]
    public void Add_MoreFramesThanRows_KeepsAnEvenSpreadOverTheWholeSequence()
    {
        var mosaic = new FrameMosaic(samplesPerFrame: 1);
        var frames = (FrameMosaic.MaxRows * 2) + 10;

        for (var i = 0; i < frames; i++)
        {
            mosaic.Add(Solid(1, 1, (byte)(i / 16)), 1, 1);
        }

        Assert.InRange(mosaic.Rows, FrameMosaic.MaxRows / 2, FrameMosaic.MaxRows);
        var firsts = mosaic.Pixels.ToArray().Where((_, i) => i % 3 == 0).ToArray();
        Assert.Equal(0, firsts[0]);
        Assert.True(firsts[^1] >= (frames - 8) / 16, $"the last kept frame value {firsts[^1]} is far from the end");
        Assert.Equal(firsts.Order(), firsts);
    }

    [Fact]
    public void Add_FrameSmallerThanTheSampleCount_RepeatsPixels()
    {
        var mosaic = new FrameMosaic(samplesPerFrame: 6);

        mosaic.Add([1, 1, 1, 2, 2, 2], 2, 1);

        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2], mosaic.Pixels.ToArray());
    }

    private static byte[] Solid(int width, int height, byte value) => Enumerable.Repeat(value, width * height * 3).ToArray();
}
