using DominantColors.Hue.Hosting;
using DominantColors.Outputs;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Philips Hue output with the daemon's configuration.</summary>
public static class HueServiceCollectionExtensions
{
    /// <summary>
    /// Makes <c>outputs: - type: hue</c> available: REST light commands or an Entertainment stream, one command budget
    /// per bridge shared by the outputs on it.
    /// </summary>
    /// <param name="services">The service collection to add to.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddHue(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddColorSinkFactory<HueSinkFactory>();
        return services;
    }
}
