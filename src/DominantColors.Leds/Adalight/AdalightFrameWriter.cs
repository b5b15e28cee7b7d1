using System.Runtime.InteropServices;
using DominantColors.Colors;

namespace DominantColors.Leds.Adalight;

/// <summary>
/// Adalight frames, byte for byte: "Ada", the LED count minus one as a big-endian 16-bit number (hi, lo), the
/// checksum hi ^ lo ^ 0x55, then R, G, B per LED (as Adafruit's LEDstream sketch reads them). One buffer, allocated
/// once; <see cref="Write"/> allocates nothing.
/// </summary>
internal sealed class AdalightFrameWriter
{
    public const int HeaderBytes = 6;
    public const int MaxLeds = 65536;

    private readonly byte[] _frame;

    public AdalightFrameWriter(int ledCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ledCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ledCount, MaxLeds);
        LedCount = ledCount;
        _frame = new byte[HeaderBytes + (ledCount * 3)];
        var hi = (byte)((ledCount - 1) >> 8);
        var lo = (byte)(ledCount - 1);
        _frame[0] = (byte)'A';
        _frame[1] = (byte)'d';
        _frame[2] = (byte)'a';
        _frame[3] = hi;
        _frame[4] = lo;
        _frame[5] = (byte)(hi ^ lo ^ 0x55);
    }

    public int LedCount { get; }

    public ReadOnlyMemory<byte> Frame => _frame;

    public void Write(ReadOnlySpan<Rgb24> leds)
    {
        if (leds.Length != LedCount)
        {
            throw new ArgumentException($"Expected {LedCount} LED colors, got {leds.Length}.", nameof(leds));
        }

        MemoryMarshal.AsBytes(leds).CopyTo(_frame.AsSpan(HeaderBytes));
    }
}
