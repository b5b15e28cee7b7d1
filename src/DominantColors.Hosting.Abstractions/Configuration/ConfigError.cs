namespace DominantColors.Configuration;

/// <summary>One thing wrong with the configuration: where (key path, line when known) and why.</summary>
/// <param name="Path">The key path as the user writes it, e.g. <c>outputs[0].port</c>.</param>
/// <param name="Line">The 1-based line in the YAML file, when the key came from it.</param>
/// <param name="Message">What is wrong and what is allowed, e.g. <c>must be between 1 and 65535, got 70000</c>.</param>
public sealed record ConfigError(string Path, int? Line, string Message)
{
    public override string ToString() =>
        Line is { } line ? $"{Path} (line {line}): {Message}" : $"{Path}: {Message}";
}
