using System.Globalization;
using DominantColors.Leds.Streaming;

namespace DominantColors.Leds.Spi;

/// <summary>One <c>type: spi</c> output: an LED strip on the Pi's SPI pins.</summary>
public sealed class SpiOptions : LedStripOptions
{
    /// <summary><c>device</c>: the spidev node, <c>/dev/spidev&lt;bus&gt;.&lt;chip select&gt;</c>.</summary>
    public string Device { get; set; } = "/dev/spidev0.0";

    /// <summary><c>chip</c>.</summary>
    public SpiChip Chip { get; set; } = SpiChip.Apa102;

    /// <summary><c>speedHz</c>: the SPI clock; 0 picks 2.4 MHz for WS2812 and 8 MHz for APA102/SK9822.</summary>
    public int SpeedHz { get; set; }

    /// <summary><c>brightness</c>: APA102/SK9822 global brightness, 1-31 (current or PWM, before the colors' own 0-255).</summary>
    public int Brightness { get; set; } = SpiFrameWriter.Apa102MaxBrightness;

    public int EffectiveSpeedHz => SpeedHz != 0 ? SpeedHz : Chip == SpiChip.Ws2812 ? 2_400_000 : 8_000_000;

    /// <summary>The bus and chip select parsed from <see cref="Device"/>, or null when it is not a spidev path.</summary>
    public (int Bus, int ChipSelect)? BusAndChipSelect()
    {
        const string prefix = "/dev/spidev";
        if (!Device.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = Device[prefix.Length..].Split('.');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var bus)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var chipSelect)
            ? (bus, chipSelect)
            : null;
    }

    protected override void ValidateDevice(List<OptionError> errors)
    {
        if (BusAndChipSelect() is null)
        {
            errors.Add(new("device", $"'{Device}' is not a spidev device (/dev/spidev<bus>.<chip select>, e.g. /dev/spidev0.0)"));
        }

        if (Chip == SpiChip.Ws2812)
        {
            // Three SPI bits per WS2812 bit: 2.2-2.7 MHz keeps the high times within the chip's 0.4/0.8 µs ± 150 ns.
            if (SpeedHz != 0 && SpeedHz is < 2_200_000 or > 2_700_000)
            {
                errors.Add(new("speedHz", $"{SpeedHz} does not time WS2812 bits; use 2200000-2700000 (default 2400000)"));
            }
        }
        else if (SpeedHz != 0 && SpeedHz is < 100_000 or > 32_000_000)
        {
            errors.Add(new("speedHz", $"{SpeedHz} is not an SPI clock for APA102/SK9822 (100000-32000000)"));
        }

        if (Brightness is < 1 or > SpiFrameWriter.Apa102MaxBrightness)
        {
            errors.Add(new("brightness", $"{Brightness} is not an APA102 global brightness (1-31)"));
        }
    }
}
