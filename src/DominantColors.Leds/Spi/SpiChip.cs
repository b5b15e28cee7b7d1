namespace DominantColors.Leds.Spi;

/// <summary>The LED chip on the SPI pins (<c>chip</c>).</summary>
public enum SpiChip
{
    /// <summary>APA102 (DotStar): clock and data, 5-bit global brightness per LED.</summary>
    Apa102,

    /// <summary>SK9822: an APA102 clone that latches on the next start frame; the same frames serve both.</summary>
    Sk9822,

    /// <summary>WS2812 (NeoPixel): data only, timed; each WS2812 bit is sent as three SPI bits at about 2.4 MHz.</summary>
    Ws2812,
}
