using DominantColors.Configuration;
using Microsoft.Extensions.Configuration;

namespace DominantColors.Sources;

/// <summary>The config's <c>source:</c> section, as a factory sees it.</summary>
internal sealed class SourceSection
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

    /// <summary>The configuration path of a key in this section, for <see cref="ConfigErrors.Add"/>, e.g. <c>source:path</c>.</summary>
    public string PathOf(string key) => ConfigPath.Combine(Section.Path, key);

    /// <summary>Binds the section strictly (unknown keys and bad values are errors); the <c>type</c> key is skipped.</summary>
    public T Bind<T>(ConfigErrors errors)
        where T : class, new() => SectionBinder.Bind<T>(Section, errors, "type");

    /// <summary>Binds the section strictly and adds the options' own checks, each at its key path.</summary>
    public T Bind<T>(ConfigErrors errors, Func<T, IEnumerable<(string Key, string Message)>> check)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(check);
        var options = Bind<T>(errors);
        foreach (var (key, message) in check(options))
        {
            errors.Add(PathOf(key), message);
        }

        return options;
    }

    /// <summary>Binds a section that the factory's <c>Validate</c> accepted; throws <see cref="InvalidConfigException"/> otherwise.</summary>
    public T BindChecked<T>(Func<T, IEnumerable<(string Key, string Message)>> check)
        where T : class, new()
    {
        var errors = new ConfigErrors();
        var options = Bind(errors, check);
        return errors.HasErrors ? throw new InvalidConfigException(errors.Errors) : options;
    }
}
