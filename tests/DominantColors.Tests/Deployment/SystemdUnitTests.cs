using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using DominantColors.Hosting;
using DominantColors.Tests.Samples;

namespace DominantColors.Tests.Deployment;

/// <summary>
/// The shipped systemd unit stays hardened (<c>systemd-analyze security --offline=true</c> rates it 2.0 or lower), and
/// the README's install steps put exactly that file in place, next to the binary and config its ExecStart names.
/// </summary>
public sealed partial class SystemdUnitTests : IDisposable
{
    private const string Unit = "systemd/dominant-colors.service";
    private const double MaxExposure = 2.0;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("dominant-colors-unit-");

    public void Dispose() => _directory.Delete(recursive: true);

    [WhenCommandExistsFact("systemd-analyze")]
    public async Task SecurityOffline_ShippedUnit_ExposureAtMostTwo()
    {
        var (exitCode, output) = await RunAsync(
            "systemd-analyze", "security", "--offline=true", $"--threshold={MaxExposure * 10}", "--no-pager", RepositoryFiles.PathOf(Unit));

        var match = OverallExposure().Match(output);
        Assert.True(match.Success, output);
        var exposure = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(exposure <= MaxExposure, $"exposure {exposure} is above {MaxExposure}:\n{output}");
        Assert.True(exitCode == 0, $"systemd-analyze exited {exitCode}:\n{output}");
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task ReadmeInstallSteps_CopyTheShippedUnitUnchanged()
    {
        var steps = InstallSteps();
        var unitLines = steps.Where(line => line.Contains("dominant-colors.service", StringComparison.Ordinal)).ToList();
        var install = Assert.Single(unitLines);
        var words = install.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["install", "-m", "0644", Unit, "/etc/systemd/system/dominant-colors.service"], words);

        // Run that very line with its destination under a scratch root: the installed file is the shipped one, byte for byte.
        var root = _directory.FullName;
        var destination = root + words[^1];
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var (exitCode, output) = await RunAsync(words[0], [.. words[1..^2], RepositoryFiles.PathOf(words[^2]), destination]);

        Assert.True(exitCode == 0, output);
        Assert.Equal(await File.ReadAllBytesAsync(RepositoryFiles.PathOf(Unit)), await File.ReadAllBytesAsync(destination));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            File.GetUnixFileMode(destination) & ~(UnixFileMode.SetUser | UnixFileMode.SetGroup | UnixFileMode.StickyBit));
    }

    [Fact]
    public void ReadmeInstallSteps_PutBinaryAndConfigWhereExecStartLooks()
    {
        var steps = InstallSteps();
        var execStart = File.ReadAllLines(RepositoryFiles.PathOf(Unit)).Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..];
        var start = execStart.Split(' ');
        Assert.Equal(["run", "--config", ConfigFile.DefaultPath], start[1..]);

        var publish = Assert.Single(steps, line => line.StartsWith("dotnet publish ", StringComparison.Ordinal)).Split(' ');
        Assert.Equal(start[0], publish[Array.IndexOf(publish, "-o") + 1] + "/dominant-colors");
        Assert.Contains(steps, line => line.StartsWith("install ", StringComparison.Ordinal) && line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1] == ConfigFile.DefaultPath);

        // Every later use of the program goes through the installed binary: nothing in the steps puts it on PATH.
        Assert.All(
            steps.Where(line => line.Contains("dominant-colors ", StringComparison.Ordinal) && !line.StartsWith("dotnet publish ", StringComparison.Ordinal) && !line.StartsWith("install ", StringComparison.Ordinal) && !line.StartsWith("systemctl ", StringComparison.Ordinal)),
            line => Assert.StartsWith(start[0] + " ", line, StringComparison.Ordinal));
    }

    /// <summary>The commands of the README's "Install as a service" block, comments removed.</summary>
    private static List<string> InstallSteps()
    {
        var readme = File.ReadAllLines(RepositoryFiles.PathOf("README.md"));
        var heading = Array.IndexOf(readme, "## Install as a service");
        Assert.True(heading >= 0, "README.md has no '## Install as a service' section");
        var open = Array.FindIndex(readme, heading, l => l.StartsWith("```", StringComparison.Ordinal));
        var close = Array.FindIndex(readme, open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        return readme[(open + 1)..close]
            .Select(line => (line.Contains('#', StringComparison.Ordinal) ? line[..line.IndexOf('#', StringComparison.Ordinal)] : line).Trim())
            .Where(line => line.Length > 0)
            .ToList();
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"Overall exposure level for dominant-colors\.service: (\d+(?:\.\d+)?)")]
    private static partial Regex OverallExposure();
}
