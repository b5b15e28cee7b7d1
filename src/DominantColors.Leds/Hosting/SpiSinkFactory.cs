using DominantColors.Leds.Spi;
using DominantColors.Leds.Streaming;
using DominantColors.Outputs;

namespace DominantColors.Leds.Hosting;

/// <summary><c>outputs: - type: spi</c>: an APA102, SK9822 or WS2812 strip on the Pi's SPI pins.</summary>
internal sealed class SpiSinkFactory : LedSinkFactory<SpiOptions>
{
    public override string Type => "spi";

    /// <summary>The LEDs hold their colors while powered: nothing to keep alive.</summary>
    protected override TimeSpan KeepAlive(SpiOptions options) => Timeout.InfiniteTimeSpan;

    protected override ILedTransport CreateTransport(SpiOptions options, int ledCount) => new SpiTransport(options, ledCount);
}
