namespace DominantColors.Configuration;

/// <summary>Hides values of keys that hold secrets (password, token, key, secret, psk) when settings are printed.</summary>
internal static class SecretRedaction
{
    private static readonly string[] SecretWords = ["password", "passwd", "token", "secret", "key", "psk", "credential"];

    public static bool IsSecret(string configurationPath)
    {
        ArgumentNullException.ThrowIfNull(configurationPath);
        var last = configurationPath[(configurationPath.LastIndexOf(':') + 1)..];
        return SecretWords.Any(w => last.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    public static string? Redact(string configurationPath, string? value) =>
        IsSecret(configurationPath) && !string.IsNullOrEmpty(value) ? "***" : value;
}
