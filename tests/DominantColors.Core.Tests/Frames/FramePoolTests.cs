using DominantColors.Frames;

namespace DominantColors.Core.Tests.Frames;

public sealed class FramePoolTests
{
    [Fact]
    public void Rent_AfterDispose_ReusesTheSameFrame()
    {
        var pool = new FramePool(4, 2);
        var first = pool.Rent(10);
        first.Dispose();

        var second = pool.Rent(20);

        Assert.Same(first, second);
        Assert.Equal(20, second.Timestamp);
        Assert.Equal(4 * 2 * 3, second.Pixels.Length);
    }

    [Fact]
    public void Dispose_Twice_ReturnsTheFrameOnce()
    {
        var pool = new FramePool(1, 1);
        var frame = pool.Rent(0);
        frame.Dispose();
        frame.Dispose();

        var a = pool.Rent(0);
        var b = pool.Rent(0);

        Assert.NotSame(a, b);
    }

    [Fact]
    public void Create_ZeroByZero_HasNoPixels()
    {
        using var frame = Frame.Create(0, 0);

        Assert.Equal(0, frame.Pixels.Length);
    }
}
