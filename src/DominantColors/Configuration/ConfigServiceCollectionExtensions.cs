using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DominantColors.Configuration;

internal static class ConfigServiceCollectionExtensions
{
    /// <summary>
    /// Makes <typeparamref name="TOptions"/>'s section a known top-level key. <see cref="ConfigChecker"/> binds it
    /// strictly with the rest of the file (unknown keys, bad values, the class's DataAnnotations and its
    /// <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/> rules), and <see cref="IOptions{TOptions}"/>
    /// hands out that same object: <c>run</c> and <c>config check</c> see one binding.
    /// </summary>
    public static IServiceCollection AddConfigSection<TOptions>(this IServiceCollection services)
        where TOptions : class, IConfigSection, new()
    {
        services.AddSingleton(new ConfigSectionRegistration(
            TOptions.SectionName,
            typeof(TOptions),
            static (section, errors) => SectionBinder.Bind<TOptions>(section, errors)));
        services.AddSingleton<IOptions<TOptions>>(sp => Microsoft.Extensions.Options.Options.Create(sp.GetRequiredService<DaemonConfig>().Section<TOptions>()));
        return services;
    }
}
