using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DominantColors.Sources;

internal static class SourceServiceCollectionExtensions
{
    /// <summary>Makes a <c>source.type</c> available to the config; one line per type in <see cref="Hosting.Plugins"/>.</summary>
    public static IServiceCollection AddFrameSourceFactory<TFactory>(this IServiceCollection services)
        where TFactory : class, IFrameSourceFactory
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFrameSourceFactory, TFactory>());
        return services;
    }
}
