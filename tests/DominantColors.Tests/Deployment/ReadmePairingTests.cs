using System.Text.RegularExpressions;
using DominantColors.Systemd;
using DominantColors.Tests.Samples;

namespace DominantColors.Tests.Deployment;

/// <summary>
/// The README's "Pairing for the installed service" commands write the credentials where the shipped unit's daemon
/// reads them, as a file it can read: the installed command sets the unit's state directory and runs <c>hue</c> as
/// the unit's user, so no <c>chown</c> step is needed (tests/packaging/service-under-systemd.sh runs it).
/// </summary>
public sealed partial class ReadmePairingTests
{
    [Fact]
    public void ReadmeServicePairing_RunsTheInstalledCommandWhichUsesTheUnitsUserAndStateDirectory()
    {
        var unit = File.ReadAllLines(RepositoryFiles.PathOf("systemd/dominant-colors.service"));
        var stateDirectory = Assert.Single(unit, l => l.StartsWith("StateDirectory=", StringComparison.Ordinal))["StateDirectory=".Length..];
        var user = Assert.Single(unit, l => l.StartsWith("User=", StringComparison.Ordinal))["User=".Length..];
        var command = File.ReadAllText(RepositoryFiles.PathOf("packaging/debian/dominant-colors"));

        var steps = PairingSteps();
        Assert.Matches(PairCommand(), Assert.Single(steps, s => s.Contains(" hue pair ", StringComparison.Ordinal)));
        Assert.DoesNotContain(steps, s => s.Contains("chown", StringComparison.Ordinal));
        Assert.Equal("sudo systemctl restart dominant-colors", steps[^1]);

        Assert.Contains($"STATE_DIRECTORY=/var/lib/{stateDirectory}", command, StringComparison.Ordinal);
        Assert.Contains($"user={user}", command, StringComparison.Ordinal);
        Assert.Contains("setpriv --reuid=\"$user\"", command, StringComparison.Ordinal);
    }

    /// <summary>The commands of the README's "Pairing for the installed service" block, comments removed.</summary>
    private static List<string> PairingSteps()
    {
        var readme = File.ReadAllLines(RepositoryFiles.PathOf("README.md"));
        var heading = Array.IndexOf(readme, "### Pairing for the installed service");
        Assert.True(heading >= 0, "README.md has no '### Pairing for the installed service' section");
        var start = Array.IndexOf(readme, "```sh", heading) + 1;
        var end = Array.IndexOf(readme, "```", start);
        return [.. readme[start..end]
            .Select(l => (l.Contains('#', StringComparison.Ordinal) ? l[..l.IndexOf('#', StringComparison.Ordinal)] : l).Trim())
            .Where(l => l.Length > 0)];
    }

    [GeneratedRegex(@"^sudo dominant-colors hue pair --bridge \S+$")]
    private static partial Regex PairCommand();
}
