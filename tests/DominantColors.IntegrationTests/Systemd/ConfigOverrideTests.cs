using DominantColors.IntegrationTests.Peers;

namespace DominantColors.IntegrationTests.Systemd;

/// <summary>
/// Environment variables and <c>--section:key=value</c> switches override the YAML file, as for any generic host:
/// file, then environment variables (no prefix: <c>smoothing__intensity</c>), then switches. Seen from outside the
/// real process: <c>config check</c>'s effective settings, and whether <c>run</c> starts (READY=1) or exits 78.
/// </summary>
public sealed class ConfigOverrideTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("dc-override-");

    [Fact]
    public async Task ConfigCheck_EnvironmentVariable_OverridesTheFileValue()
    {
        var path = Write("none");
        await using var check = DaemonProcess.Start(_directory.FullName, ["config", "check", path], new Dictionary<string, string>
        {
            ["smoothing__intensity"] = "high",
        });

        var exitCode = await check.WaitForExitAsync(Bound);

        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{check.Output}");
        Assert.Contains("  smoothing.intensity: high", check.Lines);
    }

    [Fact]
    public async Task Run_EnvironmentVariableWithBadValue_Exits78NamingTheKeyWithoutTheFileLine()
    {
        var path = Write("none");
        await using var daemon = DaemonProcess.Start(_directory.FullName, ["run", "--config", path, "--web:enabled=false"], new Dictionary<string, string>
        {
            ["smoothing__intensity"] = "wild",
        });

        var exitCode = await daemon.WaitForExitAsync(Bound);

        Assert.True(exitCode == 78, $"exit code {exitCode}:\n{daemon.Output}");
        // The value is the environment's, so the error does not point at the file's line (which says none).
        Assert.Contains("  smoothing.intensity: 'wild' is not allowed; use one of none | subtle | moderate | high | intense", daemon.Lines);
    }

    [Fact]
    public async Task Run_SwitchOverEnvironmentOverFile_TheSwitchValueWinsAndTheDaemonGetsReady()
    {
        // The file and the environment both hold values that would exit 78: only the switch's may be used.
        var path = Write("wild");
        using var notify = new NotifySocket(_directory.FullName);
        await using var daemon = DaemonProcess.Start(_directory.FullName, ["run", "--config", path, "--web:enabled=false", "--smoothing:intensity=subtle"], new Dictionary<string, string>
        {
            ["NOTIFY_SOCKET"] = notify.Path,
            ["smoothing__intensity"] = "extreme",
        });

        Assert.True(
            await notify.WaitForAsync(r => r.Any(n => n.States.Contains("READY=1")), Bound),
            $"no READY=1:\n{daemon.Output}");
        Assert.DoesNotContain("smoothing.intensity", daemon.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private string Write(string intensity)
    {
        var path = Path.Combine(_directory.FullName, "config.yaml");
        File.WriteAllText(path, $"""
            source:
              type: pattern
            smoothing:
              intensity: {intensity}
            lights:
              - name: tv
            outputs:
              - type: console
                lights: [tv]
            """);
        return path;
    }
}
