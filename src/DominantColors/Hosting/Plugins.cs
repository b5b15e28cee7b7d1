using DominantColors.Configuration;
using DominantColors.HomeAssistant;
using DominantColors.Options;
using DominantColors.Outputs;
using DominantColors.Outputs.Console;
using DominantColors.Web;
using Microsoft.Extensions.DependencyInjection;

namespace DominantColors.Hosting;

/// <summary>
/// The one place where source types, output types and extra config sections are registered, for both
/// <c>run</c> and <c>config check</c>. Each adapter registers its own types with one call (<c>AddHue()</c>); a new
/// adapter implements <see cref="ColorSinkFactory{TOptions}"/> or <see cref="Sources.FrameSourceFactory{TOptions}"/>
/// from DominantColors.Hosting.Abstractions and adds its call here.
/// </summary>
internal static class Plugins
{
    public static IServiceCollection AddPlugins(this IServiceCollection services)
    {
        // Sources (type: pattern, folder, ffmpeg, v4l2, hyperion).
        services.AddSources();

        // Outputs (type: console).
        services.AddColorSinkFactory<ConsoleSinkFactory>();

        // Outputs (type: hue).
        services.AddHue();

        // Outputs (type: mqtt).
        services.AddMqtt();

        // Outputs (type: wled).
        services.AddWled();

        // Outputs (type: e131, artnet, adalight, spi).
        services.AddLeds();

        // Top-level config sections of the pipeline.
        services.AddConfigSection<AnalysisOptions>();
        services.AddConfigSection<SmoothingOptions>();
        services.AddConfigSection<CalibrationOptions>();
        services.AddConfigSection<SignalOptions>();

        // The web preview, /metrics and /healthz (the web: section).
        services.AddWebPreview();

        // Home Assistant control (section homeassistant, and its service).
        services.AddHomeAssistant();

        return services;
    }
}
