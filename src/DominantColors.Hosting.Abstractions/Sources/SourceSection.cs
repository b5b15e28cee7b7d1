using DominantColors.Configuration;
using Microsoft.Extensions.Configuration;

namespace DominantColors.Sources;

/// <summary>The config's <c>source:</c> section, as a factory sees it, and the options bound from it.</summary>
public sealed class SourceSection
{
    public SourceSection(IConfigurationSection section, string type)
    {
        Section = section;
        Type = type;
    }

    /// <summary>The section itself (with environment and command-line overrides applied), path <c>source</c>.</summary>
    public IConfigurationSection Section { get; }

    /// <summary>The <c>type:</c> value, lower case.</summary>
    public string Type { get; }

    /// <summary>The options the factory's <see cref="IFrameSourceFactory.Validate"/> bound, once they passed every check.</summary>
    public object? Options { get; set; }

    /// <summary>The configuration path of a key in this section, for <see cref="ConfigErrors.Add"/>, e.g. <c>source:path</c>.</summary>
    public string PathOf(string key) => ConfigPath.Combine(Section.Path, key);

    /// <summary>Binds the section strictly (unknown keys, bad values, the options' own rules); the <c>type</c> key is skipped.</summary>
    public T Bind<T>(ConfigErrors errors)
        where T : class, new() => SectionBinder.Bind<T>(Section, errors, "type");
}
