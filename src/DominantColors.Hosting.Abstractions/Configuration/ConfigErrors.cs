namespace DominantColors.Configuration;

/// <summary>
/// Collects every configuration error in one pass, so the user fixes them all at once. Paths are configuration keys
/// (<c>outputs:0:port</c>); the YAML line of each key comes from the file's <see cref="ConfigLineMap"/>.
/// </summary>
public sealed class ConfigErrors
{
    private readonly List<ConfigError> _errors = [];
    private readonly ConfigLineMap _lines;

    public ConfigErrors(ConfigLineMap? lines = null) => _lines = lines ?? ConfigLineMap.Empty;

    public IReadOnlyList<ConfigError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    /// <param name="configurationPath">The key, as a configuration path (<c>outputs:0:port</c>).</param>
    /// <param name="message">What is wrong and what is allowed.</param>
    public void Add(string configurationPath, string message)
    {
        ArgumentNullException.ThrowIfNull(configurationPath);
        _errors.Add(new ConfigError(ConfigPath.ToDisplay(configurationPath), _lines.Cite(configurationPath), message));
    }

    public override string ToString() => string.Join(Environment.NewLine, _errors);
}
