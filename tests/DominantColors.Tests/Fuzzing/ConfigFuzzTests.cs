using System.Globalization;
using System.Text.RegularExpressions;
using DominantColors.Cli;
using DominantColors.Testing.Fuzzing;
using DominantColors.Tests.Samples;
using FsCheck;
using FsCheck.Fluent;
using YamlDotNet.RepresentationModel;

namespace DominantColors.Tests.Fuzzing;

/// <summary>
/// <c>config check</c> on damaged configs: the annotated sample with values, keys and shapes changed, the sample with
/// its text cut and shuffled, and random documents built from the config's own key names. Whatever the file holds,
/// the answer is "valid" (exit 0) or exit 78 with errors that each name a key path (or the file) and a reason;
/// never an unhandled exception.
/// </summary>
public sealed partial class ConfigFuzzTests : IDisposable
{
    private static readonly Lazy<string> Sample = new(() => File.ReadAllText(RepositoryFiles.PathOf("config/dominant-colors.yaml")));

    private static readonly string[] Keys =
    [
        "source", "type", "pattern", "folder", "ffmpeg", "v4l2", "path", "device", "input", "width", "height", "fps", "analysis",
        "colors", "smoothing", "intensity", "calibration", "brightness", "signal", "idleColor", "lights", "name", "zone", "pick",
        "x", "y", "outputs", "console", "mqtt", "wled", "hue", "broker", "port", "preset", "topic", "password", "tls", "caFile",
        "ledCount", "layout", "bridge", "mode", "area", "channels", "web", "token", "address", "homeassistant", "enabled",
        "logging", "unknown",
    ];

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("dominant-colors-fuzz-");
    private int _files;

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void CheckAsync_MutatedSample_ValidOrErrorsNamingKeys()
    {
        var seeds = Gen.Choose(0, int.MaxValue).ToArbitrary();

        FuzzRun.Check(Prop.ForAll(seeds, seed => CheckAnswersCleanly(YamlMutator.Mutate(Sample.Value, seed, maxEdits: 4))), runs: 150);
    }

    [Fact]
    public void CheckAsync_SampleWithDamagedText_ValidOrErrorsNamingKeys()
    {
        var seeds = Gen.Choose(0, int.MaxValue).ToArbitrary();

        FuzzRun.Check(Prop.ForAll(seeds, seed => CheckAnswersCleanly(DamageText(Sample.Value, new Random(seed)))), runs: 100);
    }

    [Fact]
    public void CheckAsync_RandomDocuments_ValidOrErrorsNamingKeys()
    {
        var seeds = Gen.Choose(0, int.MaxValue).ToArbitrary();

        FuzzRun.Check(Prop.ForAll(seeds, seed => CheckAnswersCleanly(RandomDocument(new Random(seed)))), runs: 150);
    }

    [GeneratedRegex(@"^\S.*?(?: \(line \d+\))?: \S")]
    private static partial Regex ErrorLine();

    private void CheckAnswersCleanly(string yaml)
    {
        var path = Path.Combine(_directory.FullName, $"config-{_files++}.yaml");
        File.WriteAllText(path, yaml);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = ConfigCommand.CheckAsync(path, output, error).GetAwaiter().GetResult();

        var context = $"exit {exitCode}\n--- yaml ---\n{yaml}\n--- stderr ---\n{error}";
        if (exitCode == ExitCodes.Success)
        {
            Assert.True(output.ToString().StartsWith(path + ": valid.", StringComparison.Ordinal), context);
            Assert.Empty(error.ToString());
            return;
        }

        Assert.True(exitCode == ExitCodes.Config, context);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length >= 2 && lines[0].StartsWith(path + ": invalid configuration (", StringComparison.Ordinal), context);
        Assert.All(lines[1..], line => Assert.True(ErrorLine().IsMatch(line), $"not 'key path: reason': {line}\n{context}"));
        Assert.Empty(output.ToString());
    }

    private static string DamageText(string yaml, Random random)
    {
        var lines = yaml.Split('\n').ToList();
        var edits = random.Next(1, 5);
        for (var i = 0; i < edits && lines.Count > 0; i++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(6))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, lines[at]);
                    break;
                case 2:
                    lines[at] = "  " + lines[at];
                    break;
                case 3:
                    lines[at] = lines[at].TrimStart();
                    break;
                case 4 when lines[at].Length > 0:
                    var chars = lines[at].ToCharArray();
                    chars[random.Next(chars.Length)] = "{}[]:,-#&*!|>'\"%@`\t"[random.Next(19)];
                    lines[at] = new string(chars);
                    break;
                default:
                    lines.RemoveRange(at, lines.Count - at);
                    break;
            }
        }

        return string.Join('\n', lines);
    }

    private static string RandomDocument(Random random)
    {
        var root = new YamlMappingNode();
        for (var i = random.Next(1, 8); i > 0; i--)
        {
            root.Children[new YamlScalarNode(Keys[random.Next(Keys.Length)])] = RandomNode(random, depth: 0);
        }

        var stream = new YamlStream(new YamlDocument(root));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static YamlNode RandomNode(Random random, int depth)
    {
        switch (depth > 3 ? 0 : random.Next(3))
        {
            case 0:
                return new YamlScalarNode(random.Next(2) == 0 ? Keys[random.Next(Keys.Length)] : YamlMutator.NastyScalars[random.Next(YamlMutator.NastyScalars.Length)]);
            case 1:
                var sequence = new YamlSequenceNode();
                for (var i = random.Next(0, 4); i > 0; i--)
                {
                    sequence.Add(RandomNode(random, depth + 1));
                }

                return sequence;
            default:
                var mapping = new YamlMappingNode();
                for (var i = random.Next(0, 5); i > 0; i--)
                {
                    mapping.Children[new YamlScalarNode(Keys[random.Next(Keys.Length)])] = RandomNode(random, depth + 1);
                }

                return mapping;
        }
    }
}
