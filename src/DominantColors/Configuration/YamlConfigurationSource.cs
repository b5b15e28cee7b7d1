using Microsoft.Extensions.Configuration;

namespace DominantColors.Configuration;

/// <summary>The YAML config file as a configuration source, below environment variables and command-line switches.</summary>
internal sealed class YamlConfigurationSource : FileConfigurationSource
{
    /// <summary>The text to use instead of a file (the built-in demo).</summary>
    public string? Text { get; init; }

    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        if (Text is null)
        {
            EnsureDefaults(builder);
        }

        return new YamlConfigurationProvider(this);
    }
}
