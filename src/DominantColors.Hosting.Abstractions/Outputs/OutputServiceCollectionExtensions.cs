using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DominantColors.Outputs;

internal static class OutputServiceCollectionExtensions
{
    /// <summary>Makes an output <c>type</c> available to the config; one line per type in <see cref="Hosting.Plugins"/>.</summary>
    public static IServiceCollection AddColorSinkFactory<TFactory>(this IServiceCollection services)
        where TFactory : class, IColorSinkFactory
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IColorSinkFactory, TFactory>());
        return services;
    }
}
