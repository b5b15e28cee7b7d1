namespace DominantColors.Configuration;

/// <summary>The configuration cannot run: the daemon exits with code 78 and prints every error.</summary>
public sealed class InvalidConfigException : Exception
{
    public InvalidConfigException()
        : this([])
    {
    }

    public InvalidConfigException(string message)
        : base(message)
    {
        Errors = [];
    }

    public InvalidConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public InvalidConfigException(IReadOnlyList<ConfigError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    /// <summary>Throws for one key: <paramref name="configurationPath"/> like <c>outputs:0:credentials</c>.</summary>
    public static InvalidConfigException For(string configurationPath, string message) =>
        new([new ConfigError(ConfigPath.ToDisplay(configurationPath), null, message)]);

    public IReadOnlyList<ConfigError> Errors { get; }
}
