using DominantColors.Configuration;
using DominantColors.HomeAssistant;
using DominantColors.Options;
using DominantColors.Outputs;
using DominantColors.Outputs.Console;
using DominantColors.Outputs.Hue;
using DominantColors.Outputs.Leds;
using DominantColors.Outputs.Mqtt;
using DominantColors.Outputs.Wled;
using DominantColors.Sources;
using DominantColors.Web;
using Microsoft.Extensions.DependencyInjection;

namespace DominantColors.Hosting;

/// <summary>
/// The one place where source types, output types and extra config sections are registered, for both
/// <c>run</c> and <c>config check</c>. One line per type:
/// <code>services.AddColorSinkFactory&lt;HueSinkFactory&gt;();</code>
/// </summary>
internal static class Plugins
{
    public static IServiceCollection AddPlugins(this IServiceCollection services)
    {
        // Sources (type: pattern, folder).
        services.AddFrameSourceFactory<PatternSourceFactory>();
        services.AddFrameSourceFactory<FolderSourceFactory>();

        // Sources (type: ffmpeg, v4l2).
        services.AddFrameSourceFactory<FfmpegFrameSourceFactory>();
        services.AddFrameSourceFactory<V4l2FrameSourceFactory>();

        // Sources (type: hyperion).
        services.AddFrameSourceFactory<HyperionSourceFactory>();

        // Outputs (type: console).
        services.AddColorSinkFactory<ConsoleSinkFactory>();

        // Outputs (type: hue).
        services.AddColorSinkFactory<HueSinkFactory>();

        // Outputs (type: mqtt, wled).
        services.AddColorSinkFactory<MqttSinkFactory>();
        services.AddColorSinkFactory<WledSinkFactory>();

        // Outputs (type: e131, artnet, adalight, spi).
        services.AddColorSinkFactory<E131SinkFactory>();
        services.AddColorSinkFactory<ArtNetSinkFactory>();
        services.AddColorSinkFactory<AdalightSinkFactory>();
        services.AddColorSinkFactory<SpiSinkFactory>();

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
