using DominantColors.Colors;
using DominantColors.Smoothing;
using DominantColors.Testing;

namespace DominantColors.Core.Tests.Smoothing;

public sealed class OutputDelayTests
{
    private const long Frequency = 1000;

    [Fact]
    public void TryRead_WithDelay_ReturnsNewestEntryAtLeastThatOld()
    {
        var delay = new OutputDelay(1, 16, Frequency) { Delay = TimeSpan.FromMilliseconds(100) };
        for (byte i = 0; i <= 5; i++)
        {
            delay.Write([new Rgb24(i, 0, 0)], i * 33);
        }

        var output = new Rgb24[1];
        var ok = delay.TryRead(165, output, out var timestamp);

        // Due at 65 ms: the entry written at 33 ms is the newest that old (66 ms is 1 ms too young).
        Assert.True(ok);
        Assert.Equal(33, timestamp);
        Assert.Equal(new Rgb24(1, 0, 0), output[0]);
    }

    [Fact]
    public void TryRead_ZeroDelay_ReturnsNewest()
    {
        var delay = new OutputDelay(2, 4, Frequency);
        delay.Write([new Rgb24(1, 1, 1), new Rgb24(2, 2, 2)], 10);
        delay.Write([new Rgb24(3, 3, 3), new Rgb24(4, 4, 4)], 20);

        var output = new Rgb24[2];
        Assert.True(delay.TryRead(20, output, out var timestamp));

        Assert.Equal(20, timestamp);
        Assert.Equal([new Rgb24(3, 3, 3), new Rgb24(4, 4, 4)], output);
    }

    [Fact]
    public void TryRead_NothingOldEnough_ReturnsFalse()
    {
        var delay = new OutputDelay(1, 8, Frequency) { Delay = TimeSpan.FromMilliseconds(200) };
        delay.Write([new Rgb24(9, 9, 9)], 100);

        Assert.False(delay.TryRead(250, new Rgb24[1], out _));
        Assert.True(delay.TryRead(300, new Rgb24[1], out _));
    }

    [Fact]
    public void TryRead_Empty_ReturnsFalse()
    {
        var delay = new OutputDelay(1, 8, Frequency);

        Assert.False(delay.TryRead(1000, new Rgb24[1], out _));
    }

    [Fact]
    public void TryRead_RingTooSmallForDelay_ReturnsOldestKept()
    {
        var delay = new OutputDelay(1, 3, Frequency) { Delay = TimeSpan.FromSeconds(1) };
        for (byte i = 0; i < 10; i++)
        {
            delay.Write([new Rgb24(i, 0, 0)], i * 10);
        }

        var output = new Rgb24[1];
        Assert.True(delay.TryRead(100, output, out var timestamp));

        Assert.Equal(70, timestamp);
        Assert.Equal(new Rgb24(7, 0, 0), output[0]);
    }

    [Fact]
    public void TryRead_AfterClear_ReturnsFalse()
    {
        var delay = new OutputDelay(1, 3, Frequency);
        delay.Write([new Rgb24(1, 0, 0)], 0);

        delay.Clear();

        Assert.False(delay.TryRead(100, new Rgb24[1], out _));
    }

    [Fact]
    public void CapacityFor_HalfSecondAtSixtyFps_HoldsThirtyFramesAndSlack()
    {
        Assert.Equal(32, OutputDelay.CapacityFor(TimeSpan.FromMilliseconds(500), 60));
    }

    [Fact]
    public void WriteAndRead_SteadyState_AllocateNothing()
    {
        var delay = new OutputDelay(8, 32, Frequency) { Delay = TimeSpan.FromMilliseconds(150) };
        var colors = new Rgb24[8];
        var output = new Rgb24[8];

        Assert.Equal(0, SteadyStateAllocation.LeastPerRound(i =>
        {
            delay.Write(colors, i * 16L);
            delay.TryRead(i * 16L, output, out _);
        }));
    }

    [Fact]
    public void Write_WrongCount_Throws()
    {
        var delay = new OutputDelay(2, 4, Frequency);

        Assert.Throws<ArgumentException>(() => delay.Write([Rgb24.Black], 0));
    }
}
