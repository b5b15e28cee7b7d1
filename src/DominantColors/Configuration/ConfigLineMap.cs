namespace DominantColors.Configuration;

/// <summary>Where each key of a YAML file starts (1-based line), looked up by configuration path, ignoring case.</summary>
internal sealed class ConfigLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.OrdinalIgnoreCase);

    public static ConfigLineMap Empty { get; } = new();

    /// <summary>The configuration paths of every key the file holds (not only leaves).</summary>
    public IEnumerable<string> Paths => _lines.Keys;

    public void Set(string configurationPath, int line) => _lines[configurationPath] = line;

    /// <summary>The line of the key, or of its nearest parent that is in the file; null when none is.</summary>
    public int? Find(string configurationPath)
    {
        var path = configurationPath;
        while (path.Length > 0)
        {
            if (_lines.TryGetValue(path, out var line))
            {
                return line;
            }

            var cut = path.LastIndexOf(':');
            path = cut < 0 ? string.Empty : path[..cut];
        }

        return null;
    }
}
