using DominantColors.Configuration;
using DominantColors.Outputs;
using DominantColors.Outputs.Mqtt;
using DominantColors.Systemd;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace DominantColors.Tests.Outputs;

public sealed class MqttSinkFactoryTests
{
    // Through the interface, as the config checker holds it: the factory's base type is over an options type internal to
    // the adapter assembly, which this test assembly does not see.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The concrete base type is not accessible here.")]
    private readonly IColorSinkFactory _factory = new MqttSinkFactory();

    [Fact]
    public async Task PlanAndCreate_MinimalWledConfig_BuildsOneSinkForTheLight()
    {
        var output = Section(new()
        {
            ["type"] = "mqtt",
            ["broker"] = "127.0.0.1",
            ["port"] = "1883",
            ["preset"] = "wled",
            ["topic"] = "wled/tv",
            ["lights:0"] = "tv",
        });
        var errors = new ConfigErrors();

        var plan = _factory.Plan(output, errors);
        var sinks = _factory.Create(output, Context(plan!));

        Assert.False(errors.HasErrors, errors.ToString());
        Assert.Equal(["tv"], plan!.Lights);
        var sink = Assert.Single(sinks);
        Assert.Equal("mqtt:output0", sink.Name);
        Assert.Equal(["tv"], sink.Lights);
        await sink.DisposeAsync();
    }

    [Fact]
    public void Plan_BadTemplateAndUnknownLight_ReportsEachAtItsKeyPath()
    {
        var output = Section(new()
        {
            ["type"] = "mqtt",
            ["broker"] = "broker",
            ["preset"] = "template",
            ["topic"] = "lights/{light}/set",
            ["payload"] = "{\"c\":\"{colour}\"}",
            ["lights:0"] = "sofa",
        });
        var errors = new ConfigErrors();

        Assert.Null(_factory.Plan(output, errors));

        Assert.Equal(["outputs[0].payload", "outputs[0].lights[0]"], errors.Errors.Select(e => e.Path));
        Assert.StartsWith("'{\"c\":\"{colour}\"}' has an unknown placeholder {colour}", errors.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_UnknownPresetAndKey_AreBinderErrors()
    {
        var output = Section(new() { ["type"] = "mqtt", ["broker"] = "b", ["preset"] = "hue", ["qos"] = "1", ["lights:0"] = "tv" });
        var errors = new ConfigErrors();

        Assert.Null(_factory.Plan(output, errors));

        Assert.Contains(errors.Errors, e => e.Path == "outputs[0].preset" && e.Message.Contains("zigbee2mqtt", StringComparison.Ordinal));
        Assert.Contains(errors.Errors, e => e.Path == "outputs[0].qos" && e.Message.StartsWith("unknown key 'qos'", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_MissingPasswordFile_ThrowsNamingTheKey()
    {
        var output = Section(new()
        {
            ["type"] = "mqtt",
            ["broker"] = "b",
            ["username"] = "u",
            ["passwordFile"] = "/nonexistent/mqtt-password",
            ["lights:0"] = "tv",
        });
        var plan = _factory.Plan(output, new ConfigErrors());

        var error = Assert.Throws<InvalidConfigException>(() => _factory.Create(output, Context(plan!)));

        Assert.Equal("outputs[0].passwordFile", Assert.Single(error.Errors).Path);
    }

    internal static OutputSection Section(Dictionary<string, string?> keys)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(keys.Select(k => new KeyValuePair<string, string?>("outputs:0:" + k.Key, k.Value)))
            .Build();
        return new OutputSection(configuration.GetSection("outputs:0"), keys["type"]!, ["tv"]);
    }

    internal static SinkContext Context(OutputPlan plan) => new()
    {
        Plan = plan,
        LoggerFactory = NullLoggerFactory.Instance,
        TimeProvider = TimeProvider.System,
        StateDirectory = Path.GetTempPath(),
    };
}
