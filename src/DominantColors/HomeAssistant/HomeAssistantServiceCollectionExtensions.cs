using DominantColors.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DominantColors.HomeAssistant;

internal static class HomeAssistantServiceCollectionExtensions
{
    /// <summary>
    /// The <c>homeassistant:</c> section (bound strictly with the rest of the config, cross-field rules included) and
    /// the service that runs the bridge when it is enabled.
    /// </summary>
    public static IServiceCollection AddHomeAssistant(this IServiceCollection services)
    {
        services.AddConfigSection<HomeAssistantSection>();
        services.AddHostedService<HomeAssistantService>();
        return services;
    }
}
