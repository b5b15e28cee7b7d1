using DominantColors.Configuration;
using DominantColors.Outputs;
using DominantColors.Mqtt.Hosting;
using DominantColors.Testing.Hosting;

namespace DominantColors.Mqtt.Tests.Hosting;

public sealed class MqttSinkFactoryTests
{
    private readonly MqttSinkFactory _factory = new();

    [Fact]
    public async Task PlanAndCreate_MinimalWledConfig_BuildsOneSinkForTheLight()
    {
        var output = OutputSections.Section(new()
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
        var sinks = _factory.Create(output, OutputSections.Context(plan!));

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
        var output = OutputSections.Section(new()
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
        var output = OutputSections.Section(new() { ["type"] = "mqtt", ["broker"] = "b", ["preset"] = "hue", ["qos"] = "1", ["lights:0"] = "tv" });
        var errors = new ConfigErrors();

        Assert.Null(_factory.Plan(output, errors));

        Assert.Contains(errors.Errors, e => e.Path == "outputs[0].preset" && e.Message.Contains("zigbee2mqtt", StringComparison.Ordinal));
        Assert.Contains(errors.Errors, e => e.Path == "outputs[0].qos" && e.Message.StartsWith("unknown key 'qos'", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_MissingPasswordFile_ThrowsNamingTheKey()
    {
        var output = OutputSections.Section(new()
        {
            ["type"] = "mqtt",
            ["broker"] = "b",
            ["username"] = "u",
            ["passwordFile"] = "/nonexistent/mqtt-password",
            ["lights:0"] = "tv",
        });
        var plan = _factory.Plan(output, new ConfigErrors());

        var error = Assert.Throws<InvalidConfigException>(() => _factory.Create(output, OutputSections.Context(plan!)));

        Assert.Equal("outputs[0].passwordFile", Assert.Single(error.Errors).Path);
    }
}
