using DominantColors.Colors;
using DominantColors.Leds.Adalight;

namespace DominantColors.Leds.Tests.Adalight;

public sealed class AdalightFrameWriterTests
{
    [Fact]
    public void Write_TwoLeds_AdaHeaderWithCountMinusOneAndChecksum()
    {
        var writer = new AdalightFrameWriter(2);

        writer.Write([new Rgb24(1, 2, 3), new Rgb24(4, 5, 6)]);

        // hi = 0, lo = 1, checksum = 0 ^ 1 ^ 0x55 = 0x54.
        Assert.Equal([(byte)'A', (byte)'d', (byte)'a', 0, 1, 0x54, 1, 2, 3, 4, 5, 6], writer.Frame.ToArray());
    }

    [Fact]
    public void Write_300Leds_HiLoIs299BigEndian()
    {
        var writer = new AdalightFrameWriter(300);

        Assert.Equal([1, 43, 1 ^ 43 ^ 0x55], writer.Frame.Span.Slice(3, 3).ToArray());
    }

    [Fact]
    public void Write_AfterWarmUp_AllocatesNothing()
    {
        var writer = new AdalightFrameWriter(300);
        var leds = new Rgb24[300];
        writer.Write(leds);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            writer.Write(leds);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
