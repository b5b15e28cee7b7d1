using System.Text.RegularExpressions;
using DominantColors.Cli;
using DominantColors.Tests.Samples;

namespace DominantColors.Tests.Configuration;

/// <summary>
/// Every YAML example the user reads passes <c>config check</c>: the files in config/ as they are, and each
/// <c>```yaml</c> block of the README, completed where it shows only some sections by a base holding the rest (a
/// pattern source, the lights the examples name, a console output), so an example cannot drift from what the daemon
/// accepts.
/// </summary>
public sealed class DocumentedExamplesTests : IDisposable
{
    /// <summary>The sections a README example leaves out come from here; its own sections replace these.</summary>
    private static readonly Dictionary<string, string> BaseSections = new(StringComparer.Ordinal)
    {
        ["source"] = "source:\n  type: pattern\n",
        ["lights"] = "lights:\n  - name: tv\n  - name: left\n    zone: left\n  - name: center\n    zone: center\n  - name: right\n    zone: right\n",
        ["outputs"] = "outputs:\n  - type: console\n    lights: [tv]\n",
    };

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("dominant-colors-examples-");

    public static TheoryData<string> ConfigFiles => new(
        Directory.GetFiles(RepositoryFiles.PathOf("config"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    public static TheoryData<int> ReadmeExamples => new(Enumerable.Range(0, ReadmeBlocks().Count));

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [MemberData(nameof(ConfigFiles))]
    public async Task CheckAsync_ConfigFolderFile_IsValid(string name)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ConfigCommand.CheckAsync(RepositoryFiles.PathOf(Path.Combine("config", name)), output, error);

        Assert.True(exitCode == ExitCodes.Success, error.ToString());
    }

    [Fact]
    public void ReadmeBlocks_Found_AtLeastOnePerConfigArea()
    {
        var sections = ReadmeBlocks().SelectMany(TopLevelKeys).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(["source", "outputs", "homeassistant", "web"], StringComparer.Ordinal), sections);
    }

    [Theory]
    [MemberData(nameof(ReadmeExamples))]
    public async Task CheckAsync_ReadmeExample_IsValid(int index)
    {
        var example = ReadmeBlocks()[index];
        var own = TopLevelKeys(example).ToHashSet(StringComparer.Ordinal);
        var yaml = example.TrimEnd() + "\n" + string.Concat(BaseSections.Where(s => !own.Contains(s.Key)).Select(s => s.Value));
        var path = Path.Combine(_directory.FullName, $"readme-{index}.yaml");
        await File.WriteAllTextAsync(path, yaml);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ConfigCommand.CheckAsync(path, output, error);

        Assert.True(exitCode == ExitCodes.Success, $"README example {index}:\n{example}\n{error}");
    }

    /// <summary>The <c>```yaml</c> blocks of the README, in order.</summary>
    private static List<string> ReadmeBlocks() =>
        [.. Regex.Matches(File.ReadAllText(RepositoryFiles.PathOf("README.md")), "^```ya?ml\n(?<yaml>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline, TimeSpan.FromSeconds(1))
            .Select(m => m.Groups["yaml"].Value)];

    private static IEnumerable<string> TopLevelKeys(string yaml) =>
        Regex.Matches(yaml, "^(?<key>[a-z][A-Za-z]*):", RegexOptions.Multiline, TimeSpan.FromSeconds(1)).Select(m => m.Groups["key"].Value);
}
