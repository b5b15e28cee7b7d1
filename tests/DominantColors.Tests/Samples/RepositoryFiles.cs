namespace DominantColors.Tests.Samples;

/// <summary>Files shipped in the repository (the sample config, the systemd unit, the README), found from the test's folder.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DominantColors.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No DominantColors.sln above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootPath.Value;

    /// <summary>The full path of <paramref name="relative"/> (e.g. <c>systemd/dominant-colors.service</c>).</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative);
}
