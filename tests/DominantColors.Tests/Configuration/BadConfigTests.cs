using DominantColors.Cli;
using DominantColors.Hosting;

namespace DominantColors.Tests.Configuration;

public sealed class BadConfigTests : IDisposable
{
    private const string Base = """
        source:
          type: pattern
        lights:
          - name: tv
        outputs:
          - type: console
            lights: [tv]

        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("dominant-colors-config-");

    public static TheoryData<string, string[]> Cases => new()
    {
        {
            Base + "sorce:\n  type: pattern\n",
            ["sorce (line 8): unknown section 'sorce'; allowed here: source, analysis, smoothing, calibration, signal, lights, outputs, web, homeassistant, logging"]
        },
        {
            Base + "smoothing:\n  intensity: extreme\n",
            ["smoothing.intensity (line 9): 'extreme' is not allowed; use one of none | subtle | moderate | high | intense"]
        },
        {
            Base + "analysis:\n  colors: many\n",
            ["analysis.colors (line 9): expects a whole number, got 'many'"]
        },
        {
            Base + "analysis:\n  colors: 40\n",
            ["analysis.colors (line 9): must be between 1 and 16, got 40"]
        },
        {
            Base.TrimEnd() + "\n    rate: 100\n    colour: always\n",
            ["outputs[0].colour (line 9): unknown key 'colour'; allowed here: lights, rate, color", "outputs[0].rate (line 8): must be between 0.1 and 60, got 100"]
        },
        {
            "source:\n  type: pattern\nlights:\n  - name: tv\n    zone: middle\n    pick: rank:0\noutputs:\n  - type: console\n    lights: [tv, sofa]\n",
            [
                "lights[0].zone (line 5): 'middle' is not allowed; use one of whole | left | right | top | bottom | center, or {x, y, width, height} in 0..1",
                "lights[0].pick (line 6): 'rank:0' is not allowed; use one of dominant | accent | rank:N (N a whole number from 1)",
                "outputs[0].lights[1] (line 9): no light named 'sofa'; known lights: tv",
            ]
        },
        {
            "source:\n  type: webcam\nlights:\n  - name: tv\n    zone: {x: 0.5, y: 0, width: 0.8, height: 1}\noutputs:\n  - type: lamp\n",
            [
                "source.type (line 2): 'webcam' is not allowed; use one of pattern | folder | ffmpeg | v4l2 | hyperion",
                "lights[0].zone (line 5): zone x + width must be at most 1, got 0.5 + 0.8",
                "outputs[0].type (line 7): 'lamp' is not allowed; use one of console | hue | mqtt | wled | e131 | artnet | adalight | spi",
            ]
        },
        {
            Base + "calibration:\n  brightness: 0.5\n  minBrightness: 0.8\n",
            ["calibration.minBrightness (line 10): must not exceed brightness (0.5), got 0.8"]
        },
        {
            "source:\n  type: folder\n  path: frames\nlights:\n  - name: tv\n  - name: tv\noutputs:\n  - type: console\n    lights: [tv]\n",
            [
                "source.path (line 3): must be an absolute path, got 'frames'",
                "lights[1].name (line 6): 'tv' is already the name of another light; names must be unique",
            ]
        },
        {
            "source:\n  type: folder\nlights:\n  - name: tv\noutputs:\n  - type: console\n    lights: [tv]\n",
            ["source.path (line 1): is required"]
        },
        {
            Base + "signal:\n  idleColor: blue\n",
            ["signal.idleColor (line 9): must be a color written #rrggbb"]
        },
        {
            "source:\n  type: pattern\nlights: [\n",
            ["config.yaml (line 4): is not valid YAML: While parsing a node, did not find expected node content."]
        },
        {
            "source:\n  type: pattern\nlights:\n  - name: tv\n",
            ["outputs: needs at least one output; types: console | hue | mqtt | wled | e131 | artnet | adalight | spi"]
        },
        {
            "source:\n  type: pattern\nlights:\n  - name: tv\n    pick: [dominant\n    zone: whole\noutputs:\n  - type: console\n",
            ["config.yaml (line 5): is not valid YAML: the reader stopped after this line; look for an unclosed [ or { here or below"]
        },
        {
            Base + "analysis:\n  colors: 99999999999999999999\nsignal:\n  offAfterSeconds: 1e309\n  blackLevel: -99999999999\n",
            [
                "analysis.colors (line 9): expects a whole number, got '99999999999999999999'",
                "signal.blackLevel (line 12): expects a whole number, got '-99999999999'",
                "signal.offAfterSeconds (line 11): expects a number, got '1e309'",
            ]
        },
        {
            Base + "smoothing:\n  intensity: [high]\nsignal: on\n",
            [
                "smoothing.intensity (line 9): expects a single one of none | subtle | moderate | high | intense, not a list or mapping",
                "signal (line 10): expects a mapping with the keys offAfterSeconds, blackLevel, blackCoverage, fadeSeconds, idleColor, got 'on'",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task CheckAsync_BadConfig_Exits78WithExactMessages(string yaml, string[] expected)
    {
        var path = Write(yaml);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ConfigCommand.CheckAsync(path, output, error);

        Assert.Equal(ExitCodes.Config, exitCode);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal($"{path}: invalid configuration ({expected.Length} {(expected.Length == 1 ? "error" : "errors")}):", lines[0]);
        Assert.Equal(expected, lines[1..]);
        Assert.Empty(output.ToString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RunAsync_BadConfig_Exits78BeforeStartingWithTheSameMessages(string yaml, string[] expected)
    {
        var path = Write(yaml);
        using var error = new StringWriter();

        var exitCode = await DaemonHost.RunAsync(path, [], error, CancellationToken.None);

        Assert.Equal(ExitCodes.Config, exitCode);
        Assert.Equal(expected, error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1..]);
    }

    [Fact]
    public async Task RunAsync_MissingFile_Exits78NamingIt()
    {
        using var error = new StringWriter();
        var missing = Path.Combine(_directory.FullName, "nope.yaml");

        var exitCode = await DaemonHost.RunAsync(missing, [], error, CancellationToken.None);

        Assert.Equal(ExitCodes.Config, exitCode);
        Assert.Contains($"--config: '{missing}' does not exist", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_MissingFile_Exits78NamingIt()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var missing = Path.Combine(_directory.FullName, "nope.yaml");

        var exitCode = await ConfigCommand.CheckAsync(missing, output, error);

        Assert.Equal(ExitCodes.Config, exitCode);
        Assert.Equal([$"{missing}: invalid configuration (1 error):", $"--config: '{missing}' does not exist"], Lines(error));
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task CheckAndRun_DirectoryInsteadOfFile_Exit78NamingIt()
    {
        using var output = new StringWriter();
        using var checkError = new StringWriter();
        using var runError = new StringWriter();
        var folder = Directory.CreateDirectory(Path.Combine(_directory.FullName, "dominant-colors.yaml")).FullName;

        var checkExit = await ConfigCommand.CheckAsync(folder, output, checkError);
        var runExit = await DaemonHost.RunAsync(folder, [], runError, CancellationToken.None);

        Assert.Equal((ExitCodes.Config, ExitCodes.Config), (checkExit, runExit));
        Assert.Equal($"--config: '{folder}' is a directory; name the YAML file", Lines(checkError)[1]);
        Assert.Contains($"--config: '{folder}' is a directory; name the YAML file", runError.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task RunAsync_SwitchOverridesFileWithBadValue_Exits78NamingTheKey()
    {
        var path = Write(Base);
        using var error = new StringWriter();

        var exitCode = await DaemonHost.RunAsync(path, ["--smoothing:intensity=wild"], error, CancellationToken.None);

        Assert.Equal(ExitCodes.Config, exitCode);
        Assert.Contains("smoothing.intensity: 'wild' is not allowed; use one of none | subtle | moderate | high | intense", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SwitchOverridesKeyInFileWithBadValue_DoesNotCiteTheFileLine()
    {
        var path = Write(Base + "smoothing:\n  intensity: none\n");
        using var error = new StringWriter();

        var exitCode = await DaemonHost.RunAsync(path, ["--smoothing:intensity=wild"], error, CancellationToken.None);

        Assert.Equal(ExitCodes.Config, exitCode);
        Assert.Contains("smoothing.intensity: 'wild' is not allowed; use one of none | subtle | moderate | high | intense", Lines(error));
    }

    [Fact]
    public async Task RunAsync_BadValueInFile_CitesItsLine()
    {
        var path = Write(Base + "smoothing:\n  intensity: wild\n");
        using var error = new StringWriter();

        var exitCode = await DaemonHost.RunAsync(path, [], error, CancellationToken.None);

        Assert.Equal(ExitCodes.Config, exitCode);
        Assert.Contains("smoothing.intensity (line 9): 'wild' is not allowed; use one of none | subtle | moderate | high | intense", Lines(error));
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private string Write(string yaml)
    {
        var path = Path.Combine(_directory.FullName, "config.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
