using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DominantColors.Configuration;

internal static class ConfigServiceCollectionExtensions
{
    /// <summary>
    /// Makes <typeparamref name="TOptions"/>'s section a known top-level key: <c>config check</c> and start-up bind it
    /// strictly (unknown keys, bad values), and the host binds it to <see cref="IOptions{TOptions}"/> with the
    /// source-generated <typeparamref name="TValidator"/> and <c>ValidateOnStart</c>.
    /// </summary>
    public static IServiceCollection AddConfigSection<TOptions, TValidator>(this IServiceCollection services)
        where TOptions : class, IConfigSection, new()
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSingleton(new ConfigSectionRegistration(
            TOptions.SectionName,
            static (section, errors) => SectionBinder.Bind<TOptions>(section, errors)));
        services.AddOptions<TOptions>().BindConfiguration(TOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services;
    }
}
