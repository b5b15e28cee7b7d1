using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DominantColors.Configuration;
using DominantColors.Hosting;
using DominantColors.Tests.Samples;

namespace DominantColors.Tests.Deployment;

/// <summary>
/// The shipped systemd unit stays hardened (<c>systemd-analyze security --offline=true</c> rates it 2.0 or lower) and
/// runs as the package's user, and the README's install steps install the package and edit the config its ExecStart
/// names. tests/packaging/service-under-systemd.sh runs all of it under a real systemd.
/// </summary>
public sealed partial class SystemdUnitTests
{
    private const string Unit = "systemd/dominant-colors.service";
    private const double MaxExposure = 2.0;

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
    public void ReadmeInstallSteps_InstallThePackageOfThisVersionThatTheBuildScriptMakes()
    {
        var steps = InstallSteps();

        var install = PackageInstall().Match(steps[0]);
        Assert.True(install.Success, $"the first step does not install the arm64 package: {steps[0]}");
        Assert.Equal(typeof(DaemonHost).Assembly.GetName().Version!.ToString(3), install.Groups["version"].Value);
        Assert.Contains("dominant-colors_${version}_${arch}.deb", File.ReadAllText(RepositoryFiles.PathOf("packaging/build-deb.sh")), StringComparison.Ordinal);
        Assert.Equal("sudo systemctl restart dominant-colors", steps[^1]);
    }

    [Fact]
    public void ReadmeInstallSteps_EditAndCheckTheConfigThatTheUnitRunsWith()
    {
        var steps = InstallSteps();
        var execStart = File.ReadAllLines(RepositoryFiles.PathOf(Unit)).Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..];

        // The program the package puts in /usr/lib/dominant-colors, on the config it ships as a conffile.
        Assert.Equal($"/usr/lib/dominant-colors/dominant-colors run --config {ConfigFile.DefaultPath}", execStart);
        Assert.Contains(ConfigFile.DefaultPath, File.ReadAllLines(RepositoryFiles.PathOf("packaging/debian/conffiles")));
        Assert.Contains($"sudoedit {ConfigFile.DefaultPath}", steps);
        Assert.Contains($"sudo dominant-colors config check {ConfigFile.DefaultPath}", steps);
    }

    [Fact]
    public void ShippedUnit_RunsAsTheStaticUserThePackageCreates()
    {
        var unit = File.ReadAllLines(RepositoryFiles.PathOf(Unit));
        var postinst = File.ReadAllText(RepositoryFiles.PathOf("packaging/debian/postinst"));

        Assert.Contains("User=dominant-colors", unit);
        Assert.Contains("SupplementaryGroups=video dialout", unit);
        Assert.DoesNotContain(unit, l => l.StartsWith("DynamicUser=", StringComparison.Ordinal));
        Assert.Contains("user=dominant-colors", postinst, StringComparison.Ordinal);
        Assert.Contains("adduser --system --group", postinst, StringComparison.Ordinal);
        Assert.Contains("adduser --quiet \"$user\" video", postinst, StringComparison.Ordinal);
        Assert.Contains("adduser --quiet \"$user\" dialout", postinst, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedUnit_DeviceListLetsTheCaptureAndLedOutputsOpenTheirDevices()
    {
        // DevicePolicy=closed denies every other device node, whatever its permissions: V4L2 grabbers, Adalight on
        // USB serial (FTDI/CH340 adapters, an Arduino's own USB) and SPI strips (spidev registers as "spi").
        var unit = File.ReadAllLines(RepositoryFiles.PathOf(Unit));

        Assert.Contains("DevicePolicy=closed", unit);
        Assert.Equal(
            ["char-video4linux rw", "/dev/dri rw", "char-ttyUSB rw", "char-ttyACM rw", "char-spi rw"],
            unit.Where(l => l.StartsWith("DeviceAllow=", StringComparison.Ordinal)).Select(l => l["DeviceAllow=".Length..]));
    }

    [Fact]
    public void ShippedUnit_AllowsSchedSetaffinityAfterDenyingResources()
    {
        // CoreCLR treats EPERM from sched_setaffinity as fatal at start-up; in SystemCallFilter= a later line wins.
        var filters = File.ReadAllLines(RepositoryFiles.PathOf(Unit)).Where(l => l.StartsWith("SystemCallFilter=", StringComparison.Ordinal)).ToList();
        var deny = filters.FindIndex(l => l.StartsWith("SystemCallFilter=~", StringComparison.Ordinal) && l.Contains("@resources", StringComparison.Ordinal));
        var allow = filters.FindIndex(l => l == "SystemCallFilter=sched_setaffinity");

        Assert.True(deny >= 0 && allow > deny, string.Join('\n', filters));
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

    [GeneratedRegex(@"^sudo apt install \./dominant-colors_(?<version>[0-9][^_]*)_arm64\.deb$")]
    private static partial Regex PackageInstall();

    [GeneratedRegex(@"Overall exposure level for dominant-colors\.service: (\d+(?:\.\d+)?)")]
    private static partial Regex OverallExposure();
}
