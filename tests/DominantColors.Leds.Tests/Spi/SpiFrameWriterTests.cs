using DominantColors.Colors;
using DominantColors.Leds.Spi;

namespace DominantColors.Leds.Tests.Spi;

public sealed class SpiFrameWriterTests
{
    [Theory]
    [InlineData(SpiChip.Apa102)]
    [InlineData(SpiChip.Sk9822)]
    public void Write_Apa102OrSk9822TwoLeds_StartFrameBgrLedFramesResetAndEndFrame(SpiChip chip)
    {
        var writer = new SpiFrameWriter(chip, 2, brightness: 7, speedHz: 8_000_000);

        writer.Write([new Rgb24(1, 2, 3), new Rgb24(4, 5, 6)]);

        // APA102 datasheet: 32 zero bits, then 0b111 + brightness, blue, green, red per LED; SK9822 needs the 32-bit
        // zero reset frame; the end frame gives n/2 more clock edges (one byte for up to 16 LEDs).
        byte[] expected = [0, 0, 0, 0, 0xE7, 3, 2, 1, 0xE7, 6, 5, 4, 0, 0, 0, 0, 0];
        Assert.Equal(expected, writer.Frame.ToArray());
    }

    [Fact]
    public void FrameBytes_Apa102With40Leds_EndFrameCoversHalfABitPerLed()
    {
        Assert.Equal(4 + 160 + 4 + 3, SpiFrameWriter.FrameBytes(SpiChip.Sk9822, 40, 8_000_000));
    }

    [Fact]
    public void Write_Ws2812OneLed_EncodesGrbAsThreeSpiBitsPerBitThenResetLow()
    {
        var writer = new SpiFrameWriter(SpiChip.Ws2812, 1, brightness: 31, speedHz: 2_400_000);

        writer.Write([new Rgb24(0xFF, 0x00, 0x80)]);

        // G = 0x00: eight 100s = 100100100100100100100100 = 0x92 0x49 0x24.
        // R = 0xFF: eight 110s = 110110110110110110110110 = 0xDB 0x6D 0xB6.
        // B = 0x80: 110 then seven 100s = 110100100100100100100100 = 0xD2 0x49 0x24.
        // Then 300 µs low at 2.4 MHz: 90 zero bytes.
        byte[] expected = [0x92, 0x49, 0x24, 0xDB, 0x6D, 0xB6, 0xD2, 0x49, 0x24, .. new byte[90]];
        Assert.Equal(expected, writer.Frame.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Write_AfterWarmUp_AllocatesNothing(bool ws2812)
    {
        var writer = new SpiFrameWriter(ws2812 ? SpiChip.Ws2812 : SpiChip.Apa102, 300, 31, 2_400_000);
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
