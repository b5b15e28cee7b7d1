namespace DominantColors.Configuration;

/// <summary>Where each key of a YAML file starts (1-based line), looked up by configuration path, ignoring case.</summary>
public sealed class ConfigLineMap
{
    private readonly Dictionary<string, int> _lines;
    private readonly Func<string, bool> _overridden;

    public ConfigLineMap()
        : this(new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase), _ => false)
    {
    }

    private ConfigLineMap(Dictionary<string, int> lines, Func<string, bool> overridden)
    {
        _lines = lines;
        _overridden = overridden;
    }

    public static ConfigLineMap Empty { get; } = new();

    /// <summary>The configuration paths of every key the file holds (not only leaves).</summary>
    public IEnumerable<string> Paths => _lines.Keys;

    public void Set(string configurationPath, int line) => _lines[configurationPath] = line;

    /// <summary>
    /// The same lines, but <see cref="Cite"/> gives none for a key whose value comes from elsewhere (an environment
    /// variable or a switch, per <paramref name="overridden"/>): its value is not the one on the file's line.
    /// </summary>
    public ConfigLineMap Except(Func<string, bool> overridden) => new(_lines, overridden);

    /// <summary>
    /// The line an error in the key's value points at: <see cref="Find"/>, or null when the value does not come from
    /// the file.
    /// </summary>
    public int? Cite(string configurationPath) => _overridden(configurationPath) ? null : Find(configurationPath);

    /// <summary>The line of the key, or of its nearest parent that is in the file; null when none is.</summary>
    public int? Find(string configurationPath)
    {
        ArgumentNullException.ThrowIfNull(configurationPath);
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
