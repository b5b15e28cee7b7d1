using DominantColors.Mqtt.Hosting;
using DominantColors.Outputs;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the MQTT output with the daemon's configuration.</summary>
public static class MqttServiceCollectionExtensions
{
    /// <summary>
    /// Makes <c>outputs: - type: mqtt</c> available: colors published to a broker, with presets for WLED, Home Assistant
    /// and plain JSON.
    /// </summary>
    /// <param name="services">The service collection to add to.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddMqtt(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddColorSinkFactory<MqttSinkFactory>();
        return services;
    }
}
