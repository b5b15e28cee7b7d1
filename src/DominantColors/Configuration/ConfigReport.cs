namespace DominantColors.Configuration;

/// <summary>Prints configuration errors the same way for <c>run</c> and <c>config check</c>.</summary>
internal static class ConfigReport
{
    public static async Task WriteAsync(TextWriter writer, string file, IReadOnlyList<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(errors);
        await writer.WriteLineAsync($"{file}: invalid configuration ({errors.Count} {(errors.Count == 1 ? "error" : "errors")}):").ConfigureAwait(false);
        foreach (var error in errors)
        {
            await writer.WriteLineAsync("  " + error).ConfigureAwait(false);
        }
    }
}
