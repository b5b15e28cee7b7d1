using Microsoft.Extensions.Configuration;

namespace DominantColors.Configuration;

/// <summary>A top-level section the config may hold, the options type it binds to, and how to bind it strictly.</summary>
internal sealed record ConfigSectionRegistration(string Name, Type OptionsType, Func<IConfigurationSection, ConfigErrors, object> Bind);
