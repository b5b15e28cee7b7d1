using Microsoft.Extensions.Configuration;

namespace DominantColors.Configuration;

/// <summary>A top-level section the config may hold, and how to check it strictly.</summary>
internal sealed record ConfigSectionRegistration(string Name, Action<IConfigurationSection, ConfigErrors> Check);
