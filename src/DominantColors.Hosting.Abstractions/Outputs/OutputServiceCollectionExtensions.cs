using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DominantColors.Outputs;

public static class OutputServiceCollectionExtensions
{
    /// <summary>
    /// Makes an output <c>type</c> available to the config; one line per type in the adapter's registration (<c>AddHue()</c>, <c>AddMqtt()</c>...).
    /// </summary>
    public static IServiceCollection AddColorSinkFactory<TFactory>(this IServiceCollection services)
        where TFactory : class, IColorSinkFactory
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IColorSinkFactory, TFactory>());
        return services;
    }
}
