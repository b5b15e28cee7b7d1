using System.Diagnostics;

namespace DominantColors.IntegrationTests.Soak;

/// <summary>
/// The app as users get it: <c>SOAK_APP</c> (a published <c>dominant-colors.dll</c>) when set, otherwise
/// <c>dotnet publish src/DominantColors -c Release</c> of this checkout into a temporary folder.
/// </summary>
internal static class PublishedApp
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    public static async Task<string> LocateAsync(string directory)
    {
        if (SoakSettings.App is { } app)
        {
            return File.Exists(app) ? Path.GetFullPath(app) : throw new FileNotFoundException($"SOAK_APP names {app}, which does not exist.", app);
        }

        var output = Path.Combine(directory, "publish");
        var start = new ProcessStartInfo("dotnet", ["publish", Path.Combine(SourceTree.Root, "src", "DominantColors", "DominantColors.csproj"), "-c", "Release", "-o", output, "--nologo"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync().WaitAsync(PublishTimeout);
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed (exit code {publish.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        return Path.Combine(output, "dominant-colors.dll");
    }
}
