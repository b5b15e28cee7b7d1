using DominantColors.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DominantColors.HomeAssistant;

internal static class HomeAssistantServiceCollectionExtensions
{
    /// <summary>
    /// The <c>homeassistant:</c> section (checked strictly by <c>config check</c> and at start, cross-field rules
    /// included) and the service that runs the bridge when it is enabled.
    /// </summary>
    public static IServiceCollection AddHomeAssistant(this IServiceCollection services)
    {
        services.AddSingleton(new ConfigSectionRegistration(HomeAssistantSection.SectionName, Check));
        services.AddOptions<HomeAssistantSection>().BindConfiguration(HomeAssistantSection.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HomeAssistantSection>, HomeAssistantSectionValidator>();
        services.AddHostedService<HomeAssistantService>();
        return services;
    }

    /// <summary>Binds the section strictly, then adds its cross-field problems with their key paths.</summary>
    public static void Check(IConfigurationSection section, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Errors.Count;
        var options = SectionBinder.Bind<HomeAssistantSection>(section, errors);
        if (errors.Errors.Count != before)
        {
            return;
        }

        foreach (var error in options.Validate())
        {
            errors.Add(ConfigPath.Combine(section.Path, error.Key), error.Message);
        }
    }
}
