using System.Text.RegularExpressions;
using DominantColors.Hue.Bridge;
using DominantColors.Tests.Samples;

namespace DominantColors.Tests.Deployment;

/// <summary>
/// The README's "Pairing for the installed service" commands write the credentials where the shipped unit's daemon
/// reads them: its StateDirectory= under /var/lib, with the binary its ExecStart= runs.
/// </summary>
public sealed partial class ReadmePairingTests
{
    [Fact]
    public void ReadmeServicePairing_WritesIntoTheUnitsStateDirectoryWithItsBinary()
    {
        var unit = File.ReadAllLines(RepositoryFiles.PathOf("systemd/dominant-colors.service"));
        var stateDirectory = Assert.Single(unit, l => l.StartsWith("StateDirectory=", StringComparison.Ordinal))["StateDirectory=".Length..];
        var binary = Assert.Single(unit, l => l.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..].Split(' ')[0];
        Assert.Contains("DynamicUser=yes", unit);

        var steps = PairingSteps();
        var pair = Assert.Single(steps, s => s.Contains(" hue pair ", StringComparison.Ordinal));
        var chown = Assert.Single(steps, s => s.Contains("chown", StringComparison.Ordinal));

        var written = PairCommand().Match(pair);
        Assert.True(written.Success, $"unexpected pairing command: {pair}");
        Assert.Equal("/var/lib/" + stateDirectory, written.Groups["state"].Value);
        Assert.Equal(binary, written.Groups["binary"].Value);
        Assert.Contains($"/var/lib/{stateDirectory}/{CredentialsFile.DefaultFileName}", chown, StringComparison.Ordinal);
    }

    /// <summary>The commands of the README's "Pairing for the installed service" block.</summary>
    private static List<string> PairingSteps()
    {
        var readme = File.ReadAllLines(RepositoryFiles.PathOf("README.md"));
        var heading = Array.IndexOf(readme, "### Pairing for the installed service");
        Assert.True(heading >= 0, "README.md has no '### Pairing for the installed service' section");
        var start = Array.IndexOf(readme, "```sh", heading) + 1;
        var end = Array.IndexOf(readme, "```", start);
        return [.. readme[start..end].Where(l => l.Length > 0)];
    }

    [GeneratedRegex(@"^sudo env STATE_DIRECTORY=(?<state>\S+) (?<binary>\S+) hue pair --bridge \S+$")]
    private static partial Regex PairCommand();
}
