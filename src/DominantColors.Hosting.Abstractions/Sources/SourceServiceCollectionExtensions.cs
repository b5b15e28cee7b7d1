using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DominantColors.Sources;

public static class SourceServiceCollectionExtensions
{
    /// <summary>
    /// Makes a <c>source.type</c> available to the config; one line per type in the adapter's registration (<c>AddSources()</c>).
    /// </summary>
    public static IServiceCollection AddFrameSourceFactory<TFactory>(this IServiceCollection services)
        where TFactory : class, IFrameSourceFactory
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFrameSourceFactory, TFactory>());
        return services;
    }
}
