using DominantColors.Leds.Hosting;
using DominantColors.Outputs;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the LED strip outputs with the daemon's configuration.</summary>
public static class LedsServiceCollectionExtensions
{
    /// <summary>
    /// Makes <c>outputs: - type: e131</c>, <c>artnet</c>, <c>adalight</c> and <c>spi</c> available: sACN and Art-Net over
    /// UDP, Adalight over a serial port, APA102, SK9822 or WS2812 strips on the Pi's SPI pins.
    /// </summary>
    /// <param name="services">The service collection to add to.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddLeds(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddColorSinkFactory<E131SinkFactory>();
        services.AddColorSinkFactory<ArtNetSinkFactory>();
        services.AddColorSinkFactory<AdalightSinkFactory>();
        services.AddColorSinkFactory<SpiSinkFactory>();
        return services;
    }
}
