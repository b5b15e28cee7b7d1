using System.Text.Json;
using System.Text.RegularExpressions;
using DominantColors.Cli;
using DominantColors.Configuration;
using Json.Schema;

namespace DominantColors.Tests.Configuration;

/// <summary>
/// The shipped sample config and its JSON Schema agree with each other and with the daemon: the sample passes
/// <c>config check</c> and the schema, so does the minimal config, and a misspelled key fails both.
/// </summary>
public sealed class SampleConfigTests : IDisposable
{
    /// <summary>The minimal config the daemon's contract promises to accept, exactly as written there.</summary>
    private const string MinimalConfig = """
        source:
          type: folder          # pattern | folder | ffmpeg | v4l2
          path: /srv/frames
        analysis:
          colors: 5
        smoothing:
          intensity: none       # none | subtle | moderate | high | intense
        lights:
          - name: tv
            zone: whole         # whole | left | right | top | bottom | center, or {x, y, width, height} in 0..1
            pick: dominant      # dominant | accent | rank:N
        outputs:
          - type: mqtt
            broker: 127.0.0.1
            port: 1883
            preset: wled
            topic: wled/tv
            lights: [tv]

        """;

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(ConfigFile("dominant-colors.schema.json")));

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("dominant-colors-sample-");

    public static TheoryData<string, string> Typos => new()
    {
        { "smoothing", "smoothin" },
        { "deadBand", "dedBand" },
        { "device", "devise" },
        { "zone", "zoen" },
        { "broker", "brokr" },
        { "ledCount", "ledcont" },
        { "streamingPort", "streamPort" },
        { "nodeId", "node_id" },
        { "address", "adress" },
    };

    public static TheoryData<string> Variants => new(SampleVariants.Names);

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task CheckAsync_Sample_IsValidWithEveryOutputType()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ConfigCommand.CheckAsync(ConfigFile("dominant-colors.yaml"), output, error);

        Assert.True(exitCode == ExitCodes.Success, error.ToString());
        Assert.Contains("outputs: console, mqtt, wled, hue.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Sample_IsValidAgainstTheSchema()
    {
        var sample = File.ReadAllText(ConfigFile("dominant-colors.yaml"));

        var result = Validate(sample);

        Assert.True(result.IsValid, Describe(result));
        Assert.StartsWith("# yaml-language-server: $schema=./dominant-colors.schema.json\n", sample, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_MinimalConfig_IsValid()
    {
        var path = WriteMinimalConfig();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ConfigCommand.CheckAsync(path, output, error);

        Assert.True(exitCode == ExitCodes.Success, error.ToString());
    }

    [Fact]
    public void Evaluate_MinimalConfig_IsValidAgainstTheSchema()
    {
        var result = Validate(File.ReadAllText(WriteMinimalConfig()));

        Assert.True(result.IsValid, Describe(result));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task CheckAsync_SampleWithACommentedAlternativeSwitchedOn_PassesConfigCheckAndSchema(string variant)
    {
        var frames = _directory.CreateSubdirectory("frames").FullName;
        var yaml = SampleVariants.Apply(File.ReadAllText(ConfigFile("dominant-colors.yaml")), variant, frames);
        var path = Path.Combine(_directory.FullName, variant + ".yaml");
        await File.WriteAllTextAsync(path, yaml);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ConfigCommand.CheckAsync(path, output, error);
        var result = Validate(yaml);

        Assert.True(exitCode == ExitCodes.Success, error.ToString());
        Assert.True(result.IsValid, Describe(result));
    }

    [Theory]
    [MemberData(nameof(Typos))]
    public async Task Evaluate_SampleWithMisspelledKey_FailsTheSchemaAndConfigCheck(string key, string typo)
    {
        var sample = File.ReadAllText(ConfigFile("dominant-colors.yaml"));
        var misspelled = LiveKey(key).Replace(sample, "${indent}" + typo + ":", 1);
        Assert.NotEqual(sample, misspelled);
        var path = Path.Combine(_directory.FullName, "misspelled.yaml");
        await File.WriteAllTextAsync(path, misspelled);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var result = Validate(misspelled);
        var exitCode = await ConfigCommand.CheckAsync(path, output, error);

        Assert.False(result.IsValid);
        Assert.Contains(Failures(result), f => f.EndsWith("/" + typo, StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Config, exitCode);
        Assert.Contains($"'{typo}'", error.ToString(), StringComparison.Ordinal);
    }

    private static EvaluationResults Validate(string yaml) =>
        Schema.Value.Evaluate(YamlToJson.Convert(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List });

    /// <summary>The instance locations (e.g. <c>/smoothing/dedBand</c>) of every failed check.</summary>
    private static IEnumerable<string> Failures(EvaluationResults result) =>
        (result.Details ?? []).Where(d => !d.IsValid).Select(d => d.InstanceLocation.ToString());

    private static string Describe(EvaluationResults result) =>
        string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")));

    /// <summary>A key as written in the YAML (not in a comment): indentation, the key, a colon.</summary>
    private static Regex LiveKey(string key) => new($"^(?<indent>[ -]*){Regex.Escape(key)}:", RegexOptions.Multiline, TimeSpan.FromSeconds(1));

    private string WriteMinimalConfig()
    {
        var frames = _directory.CreateSubdirectory("frames").FullName;
        var path = Path.Combine(_directory.FullName, "minimal.yaml");
        File.WriteAllText(path, MinimalConfig.Replace("/srv/frames", frames, StringComparison.Ordinal));
        return path;
    }

    private static string ConfigFile(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DominantColors.sln")))
            {
                return Path.Combine(directory.FullName, "config", name);
            }
        }

        throw new DirectoryNotFoundException($"No folder holding DominantColors.sln above {AppContext.BaseDirectory}.");
    }
}
