namespace DominantColors.IntegrationTests.Soak;

/// <summary>The checkout this test assembly was built from (where DominantColors.sln is).</summary>
internal static class SourceTree
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DominantColors.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName
                ?? throw new InvalidOperationException($"No DominantColors.sln above {AppContext.BaseDirectory}: the soak needs the checkout it was built from.");
        }
    }

    /// <summary>
    /// The <c>Environment=</c> assignments of the shipped systemd unit (<c>systemd/dominant-colors.service</c>), so
    /// the soak runs the daemon with the environment users' systemd gives it. Only plain <c>NAME=value</c> words.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ServiceEnvironment()
    {
        var unit = Path.Combine(Root, "systemd", "dominant-colors.service");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(unit).Where(l => l.StartsWith("Environment=", StringComparison.Ordinal)))
        {
            foreach (var assignment in line["Environment=".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = assignment.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0 || assignment.Contains('"', StringComparison.Ordinal))
                {
                    throw new FormatException($"{unit}: '{line}' is not a list of plain NAME=value words, which is all the soak reads.");
                }

                environment[assignment[..equals]] = assignment[(equals + 1)..];
            }
        }

        return environment;
    }
}
