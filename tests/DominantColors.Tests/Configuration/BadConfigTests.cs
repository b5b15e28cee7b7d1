using DominantColors.Cli;
using DominantColors.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

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
        {
            Base + "web:\n  address: 0.0.0.0\n",
            ["web.token (line 8): required because web.address 0.0.0.0 is not a loopback address; set a secret of at least 16 characters (e.g. `openssl rand -hex 16`)"]
        },
        {
            Base + "calibration:\n  blueGain: 1.5\n",
            ["calibration.blueGain (line 9): must be between 0 and 1, got 1.5"]
        },
        {
            Base + "homeassistant:\n  enabled: true\n",
            ["homeassistant.broker (line 8): is required (host name or address of the MQTT broker)"]
        },
        {
            Base.TrimEnd() + "\n  - type: hue\n    bridge: 192.168.1.20\n",
            ["outputs[1].lights (line 8): mode: rest needs at least one {id, light} mapping"]
        },
        {
            Base.TrimEnd() + "\n  - type: e131\n    priority: 300\n    lights: [tv]\n    ledCount: 10\n  - type: spi\n    chip: ws2811\n    lights: [tv]\n    ledCount: 10\n  - type: adalight\n    lights: [tv]\n    ledCount: 10\n",
            [
                "outputs[1].priority (line 9): 300 is not an E1.31 priority (0-200)",
                "outputs[2].chip (line 13): 'ws2811' is not allowed; use one of apa102 | sk9822 | ws2812",
                "outputs[3].device (line 16): is required (the serial port, e.g. /dev/ttyUSB0)",
            ]
        },
        {
            "source:\n  type: hyperion\n  address: 0.0.0.0\n  port: 0\nlights:\n  - name: tv\noutputs:\n  - type: console\n    lights: [tv]\n",
            [
                "source.port (line 4): must be 1 to 65535 (Hyperion's FlatBuffers port is 19400), got 0",
                "source.allow (line 1): required because address 0.0.0.0 is not a loopback address: the FlatBuffers protocol carries no token, so list the senders that may connect, e.g. [192.168.1.40] or [192.168.1.0/24]",
            ]
        },
    };

    /// <summary>
    /// Every invalid config the tests know beyond <see cref="Cases"/>: one per kind of rule (output types, sources,
    /// sections), for the check that <c>config check</c> and <c>run</c> reject each with the same messages.
    /// </summary>
    public static TheoryData<string> MoreInvalidConfigs => new()
    {
        Base.TrimEnd() + "\n  - type: hue\n    bridge: 192.168.1.20\n    mode: entertainment\n    lights:\n      - id: Hue go\n        light: tv\n",
        Base.TrimEnd() + "\n  - type: hue\n    bridge: not a host:99999\n    lights:\n      - id: Hue go\n        light: sofa\n",
        Base.TrimEnd() + "\n  - type: hue\n    bridge: 192.168.1.20\n    mode: entertainment\n    area: TV\n    statusIntervalSeconds: 0.5\n    channels:\n      - channel: 300\n        light: tv\n",
        Base.TrimEnd() + "\n  - type: mqtt\n    preset: wled\n    topic: wled/tv\n    lights: [tv]\n",
        Base.TrimEnd() + "\n  - type: mqtt\n    broker: 127.0.0.1\n    preset: template\n    topic: lights/{light}\n    lights: [tv]\n",
        Base.TrimEnd() + "\n  - type: wled\n    host: 192.168.1.30\n    ledCount: 90\n    lights: [tv]\n    layout:\n      top: 10\n",
        Base.TrimEnd() + "\n  - type: wled\n    lights: [tv]\n    ledCount: 90\n    timeout: 0\n",
        "source:\n  type: ffmpeg\n  videoSize: big\n  lowres: 5\nlights:\n  - name: tv\noutputs:\n  - type: console\n    lights: [tv]\n",
        "source:\n  type: v4l2\n  pixelFormat: mjpeg\n  buffers: 1\nlights:\n  - name: tv\noutputs:\n  - type: console\n    lights: [tv]\n",
        "source:\n  type: pattern\n  fps: 0\nlights:\n  - name: tv\noutputs:\n  - type: console\n    lights: [tv]\n",
        Base + "web:\n  address: tv.local\n  token: short\n",
        Base + "homeassistant:\n  enabled: true\n  broker: 127.0.0.1\n  nodeId: tv room\n  password: x\n  reportInterval: 0\n",
        Base + "calibration:\n  gamma: 9\n  redGain: -0.1\n  whitePoint: 1000\n",
        Base + "smoothing:\n  deadBand: 0.5\n  delayMs: 9000\n",
        Base + "signal:\n  blackCoverage: 0.2\n",
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

    [Theory]
    [MemberData(nameof(MoreInvalidConfigs))]
    public async Task CheckAndRun_InvalidConfig_RejectWithTheSameMessages(string yaml)
    {
        var path = Write(yaml);
        using var output = new StringWriter();
        using var checkError = new StringWriter();
        using var runError = new StringWriter();

        var checkExit = await ConfigCommand.CheckAsync(path, output, checkError);
        var runExit = await DaemonHost.RunAsync(path, [], runError, CancellationToken.None);

        Assert.Equal((ExitCodes.Config, ExitCodes.Config), (checkExit, runExit));
        Assert.True(Lines(checkError).Length > 1, checkError.ToString());
        Assert.Equal(Lines(checkError), Lines(runError));
        Assert.DoesNotContain("   at ", runError.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CredentialsFileMissing_Exits78NamingTheKeyWithoutAStackTrace()
    {
        var credentials = Path.Combine(_directory.FullName, "absent-hue.json");
        var path = Write(Base.TrimEnd() + $"\n  - type: hue\n    bridge: 192.168.1.20\n    credentials: {credentials}\n    lights:\n      - id: Hue go\n        light: tv\n");
        var logs = new FakeLogCollector();
        using var error = new StringWriter();

        var exitCode = await DaemonHost.RunAsync(path, ["--web:enabled=false"], error, CancellationToken.None, services =>
            services.AddLogging(logging => logging.ClearProviders().AddProvider(new FakeLoggerProvider(logs))));

        Assert.Equal(ExitCodes.Config, exitCode);
        Assert.StartsWith($"outputs[1].credentials: Cannot read Hue credentials '{credentials}'", Lines(error)[1], StringComparison.Ordinal);
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Exception is not null);
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
