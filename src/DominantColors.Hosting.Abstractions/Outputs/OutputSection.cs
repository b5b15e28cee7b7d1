using DominantColors.Configuration;
using Microsoft.Extensions.Configuration;

namespace DominantColors.Outputs;

/// <summary>One entry of the config's <c>outputs:</c> list, as a factory sees it.</summary>
public sealed class OutputSection
{
    public OutputSection(IConfigurationSection section, string type, IReadOnlyCollection<string> configuredLights)
    {
        Section = section;
        Type = type;
        ConfiguredLights = configuredLights;
    }

    /// <summary>The section itself (with environment and command-line overrides applied), e.g. path <c>outputs:0</c>.</summary>
    public IConfigurationSection Section { get; }

    /// <summary>The <c>type:</c> value, lower case.</summary>
    public string Type { get; }

    /// <summary>The names of the lights in the config's top-level <c>lights:</c> list.</summary>
    public IReadOnlyCollection<string> ConfiguredLights { get; }

    /// <summary>The configuration path of a key in this section, for <see cref="ConfigErrors.Add"/>, e.g. <c>outputs:0:port</c>.</summary>
    public string PathOf(string key) => ConfigPath.Combine(Section.Path, key);

    /// <summary>
    /// Binds the section to the factory's options class: unknown keys, bad values and DataAnnotations failures become
    /// errors at their key path (the <c>type</c> key is the pipeline's and is skipped).
    /// </summary>
    public T Bind<T>(ConfigErrors errors)
        where T : class, new() => SectionBinder.Bind<T>(Section, errors, "type");

    /// <summary>Adds an error for each name that is not in the config's <c>lights:</c>; <paramref name="key"/> is where the names are.</summary>
    public void CheckLightNames(IReadOnlyList<string> names, ConfigErrors errors, string key = "lights")
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(errors);
        for (var i = 0; i < names.Count; i++)
        {
            if (!ConfiguredLights.Contains(names[i], StringComparer.Ordinal))
            {
                var known = ConfiguredLights.Count == 0 ? "the config has no lights: section" : "known lights: " + string.Join(", ", ConfiguredLights);
                errors.Add(PathOf($"{key}:{i}"), $"no light named '{names[i]}'; {known}");
            }
        }
    }
}
