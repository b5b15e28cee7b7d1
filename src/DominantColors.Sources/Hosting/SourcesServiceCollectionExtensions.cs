using DominantColors.Sources;
using DominantColors.Sources.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the frame sources with the daemon's configuration.</summary>
public static class SourcesServiceCollectionExtensions
{
    /// <summary>
    /// Makes <c>source.type: pattern</c>, <c>folder</c>, <c>ffmpeg</c>, <c>v4l2</c> and <c>hyperion</c> available: the
    /// built-in test scene, images dropped into a folder, any ffmpeg input, a capture device read natively, and frames
    /// sent by Hyperion grabbers.
    /// </summary>
    /// <param name="services">The service collection to add to.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddSources(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddFrameSourceFactory<PatternSourceFactory>();
        services.AddFrameSourceFactory<FolderSourceFactory>();
        services.AddFrameSourceFactory<FfmpegFrameSourceFactory>();
        services.AddFrameSourceFactory<V4l2FrameSourceFactory>();
        services.AddFrameSourceFactory<HyperionSourceFactory>();
        return services;
    }
}
