using DominantColors.Outputs;
using DominantColors.Wled.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the WLED output with the daemon's configuration.</summary>
public static class WledServiceCollectionExtensions
{
    /// <summary>Makes <c>outputs: - type: wled</c> available: WLED controllers streamed over UDP.</summary>
    /// <param name="services">The service collection to add to.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddWled(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddColorSinkFactory<WledSinkFactory>();
        return services;
    }
}
