using DominantColors.Colors;

namespace DominantColors.Leds.Spi;

/// <summary>
/// The bytes one SPI transfer sends to the strip, filled into one buffer allocated once; <see cref="Write"/>
/// allocates nothing.
/// <list type="bullet">
/// <item>APA102 and SK9822: a start frame of 32 zero bits, per LED <c>0b111 + 5-bit brightness, B, G, R</c>, a
/// 32-bit zero reset frame (SK9822 latches on it) and an end frame of at least n/2 more clock edges (zeros), the
/// frame both chips accept.</item>
/// <item>WS2812: G, R, B per LED, each bit as three SPI bits (1 → <c>110</c>, 0 → <c>100</c>), so at 2.4 MHz a bit
/// lasts 1.25 µs with 0.42 or 0.83 µs high; then at least 300 µs low to latch (newer WS2812B need more than 280 µs).</item>
/// </list>
/// </summary>
internal sealed class SpiFrameWriter
{
    public const int Apa102MaxBrightness = 31;

    /// <summary>Each data byte as 3 SPI bytes, most significant bit first.</summary>
    private static readonly byte[] Ws2812Bits = BuildWs2812Table();

    private readonly SpiChip _chip;
    private readonly byte _brightness;
    private readonly byte[] _frame;

    public SpiFrameWriter(SpiChip chip, int ledCount, int brightness, int speedHz)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ledCount, 1);
        _chip = chip;
        LedCount = ledCount;
        _brightness = (byte)(0xE0 | Math.Clamp(brightness, 0, Apa102MaxBrightness));
        _frame = new byte[FrameBytes(chip, ledCount, speedHz)];
    }

    public int LedCount { get; }

    public ReadOnlySpan<byte> Frame => _frame;

    /// <summary>The length of one transfer for <paramref name="ledCount"/> LEDs (Linux spidev takes 4096 bytes unless <c>spidev.bufsiz</c> is raised).</summary>
    public static int FrameBytes(SpiChip chip, int ledCount, int speedHz) => chip == SpiChip.Ws2812
        ? (ledCount * 9) + Ws2812ResetBytes(speedHz)
        : 4 + (ledCount * 4) + 4 + ((ledCount + 15) / 16);

    public void Write(ReadOnlySpan<Rgb24> leds)
    {
        if (leds.Length != LedCount)
        {
            throw new ArgumentException($"Expected {LedCount} LED colors, got {leds.Length}.", nameof(leds));
        }

        if (_chip == SpiChip.Ws2812)
        {
            WriteWs2812(leds);
        }
        else
        {
            WriteApa102(leds);
        }
    }

    private static int Ws2812ResetBytes(int speedHz) => (int)Math.Ceiling(300e-6 * speedHz / 8);

    private static byte[] BuildWs2812Table()
    {
        var table = new byte[256 * 3];
        for (var value = 0; value < 256; value++)
        {
            var bits = 0;
            for (var bit = 7; bit >= 0; bit--)
            {
                bits = (bits << 3) | (((value >> bit) & 1) == 1 ? 0b110 : 0b100);
            }

            table[value * 3] = (byte)(bits >> 16);
            table[(value * 3) + 1] = (byte)(bits >> 8);
            table[(value * 3) + 2] = (byte)bits;
        }

        return table;
    }

    private void WriteApa102(ReadOnlySpan<Rgb24> leds)
    {
        // Start frame (bytes 0-3), reset and end frames after the LEDs stay zero from allocation.
        var frame = _frame.AsSpan(4, leds.Length * 4);
        for (var i = 0; i < leds.Length; i++)
        {
            var led = frame.Slice(i * 4, 4);
            led[0] = _brightness;
            led[1] = leds[i].B;
            led[2] = leds[i].G;
            led[3] = leds[i].R;
        }
    }

    private void WriteWs2812(ReadOnlySpan<Rgb24> leds)
    {
        // The reset time after the LEDs stays zero from allocation.
        var frame = _frame.AsSpan(0, leds.Length * 9);
        var table = Ws2812Bits.AsSpan();
        for (var i = 0; i < leds.Length; i++)
        {
            var led = frame.Slice(i * 9, 9);
            table.Slice(leds[i].G * 3, 3).CopyTo(led);
            table.Slice(leds[i].R * 3, 3).CopyTo(led[3..]);
            table.Slice(leds[i].B * 3, 3).CopyTo(led[6..]);
        }
    }
}
