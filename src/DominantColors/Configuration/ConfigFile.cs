using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace DominantColors.Configuration;

/// <summary>Which YAML the daemon reads: a file, or the built-in demo when no file is named and the default is absent.</summary>
internal sealed record ConfigFile(string? Path)
{
    public const string DefaultPath = "/etc/dominant-colors/dominant-colors.yaml";

    public bool IsDemo => Path is null;

    /// <summary>What <c>--config</c> names; without it the default path, or the demo when that does not exist.</summary>
    public static ConfigFile Choose(string? explicitPath, string defaultPath = DefaultPath)
    {
        if (explicitPath is not null)
        {
            var full = System.IO.Path.GetFullPath(explicitPath);
            if (Directory.Exists(full))
            {
                throw InvalidConfigException.For("--config", $"'{full}' is a directory; name the YAML file");
            }

            if (!File.Exists(full))
            {
                throw InvalidConfigException.For("--config", $"'{full}' does not exist");
            }

            return new ConfigFile(full);
        }

        return File.Exists(defaultPath) ? new ConfigFile(System.IO.Path.GetFullPath(defaultPath)) : new ConfigFile((string?)null);
    }

    /// <summary>The YAML as a configuration source (lowest precedence: environment and switches override it).</summary>
    public YamlConfigurationSource CreateSource()
    {
        if (Path is null)
        {
            return new YamlConfigurationSource { Text = DemoText(), Path = "demo.yaml" };
        }

        return new YamlConfigurationSource
        {
            Path = System.IO.Path.GetFileName(Path),
            FileProvider = new PhysicalFileProvider(System.IO.Path.GetDirectoryName(Path)!),
            Optional = false,
            ReloadOnChange = false,
        };
    }

    /// <summary>
    /// Builds the whole configuration as the daemon sees it (YAML, then environment variables, then switches) and the
    /// YAML's line map. Throws <see cref="InvalidConfigException"/> when the YAML cannot be read.
    /// </summary>
    public (IConfigurationRoot Configuration, ConfigLineMap Lines) Load(string[] switches)
    {
        var builder = new ConfigurationBuilder().Add(CreateSource()).AddEnvironmentVariables().AddCommandLine(switches);
        try
        {
            var root = builder.Build();
            return (root, LinesOf(root));
        }
        catch (InvalidDataException ex) when (ex.InnerException is InvalidConfigException inner)
        {
            throw inner;
        }
    }

    /// <summary>
    /// The YAML file's lines. A key that an environment variable or a switch (a provider after the file's) sets is not
    /// cited (<see cref="ConfigLineMap.Cite"/>), so an error in its value does not point at the file's line.
    /// </summary>
    public static ConfigLineMap LinesOf(IConfigurationRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var providers = root.Providers.ToList();
        var file = providers.FindIndex(p => p is YamlConfigurationProvider);
        if (file < 0)
        {
            return ConfigLineMap.Empty;
        }

        var later = providers.Skip(file + 1).ToList();
        return ((YamlConfigurationProvider)providers[file]).Lines.Except(path => later.Exists(p => p.TryGet(path, out _)));
    }

    public string DisplayName => Path ?? "the built-in demo";

    private static string DemoText()
    {
        using var stream = typeof(ConfigFile).Assembly.GetManifestResourceStream("demo.yaml")
            ?? throw new InvalidOperationException("The built-in demo config is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
