using Microsoft.Extensions.DependencyInjection;

namespace DominantColors.Hosting;

/// <summary>
/// The one place where source types, output types and extra config sections are registered, for both
/// <c>run</c> and <c>config check</c>. Each branch adds its own lines under its own heading, one line per type:
/// <code>services.AddColorSinkFactory&lt;HueSinkFactory&gt;();</code>
/// </summary>
internal static class Plugins
{
    public static IServiceCollection AddPlugins(this IServiceCollection services)
    {
        // Sources (type: pattern, folder).

        // Sources (type: ffmpeg, v4l2).

        // Outputs (type: console).

        // Outputs (type: hue).

        // Outputs (type: mqtt, wled).
        Outputs.OutputServiceCollectionExtensions.AddColorSinkFactory<Outputs.Mqtt.MqttSinkFactory>(services);
        Outputs.OutputServiceCollectionExtensions.AddColorSinkFactory<Outputs.Wled.WledSinkFactory>(services);

        // Extra top-level config sections (AddConfigSection<TOptions, TValidator>()).

        // Home Assistant control (section homeassistant, and its service).
        HomeAssistant.HomeAssistantServiceCollectionExtensions.AddHomeAssistant(services);

        return services;
    }
}
