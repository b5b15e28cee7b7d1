using DominantColors.Mqtt.Presets;
using DominantColors.Mqtt.Sink;

namespace DominantColors.Mqtt.Tests.Sink;

public sealed class MqttSinkOptionsTests
{
    [Fact]
    public void Validate_MinimalWledOutput_HasNoErrors()
    {
        var options = new MqttSinkOptions { Preset = MqttPreset.Wled, Topic = "wled/tv", Lights = ["tv"] };
        options.Connection.Broker = "127.0.0.1";
        options.Connection.Port = 1883;

        Assert.Empty(options.Validate("outputs[0]"));
    }

    [Fact]
    public void Validate_TemplateWithUnknownPlaceholder_NamesTheKeyPath()
    {
        var options = new MqttSinkOptions
        {
            Preset = MqttPreset.Template,
            Topic = "lights/{light}",
            Lights = ["tv"],
            Payload = "{hue}",
        };
        options.Connection.Broker = "broker";

        var error = Assert.Single(options.Validate("outputs[2]"));
        Assert.StartsWith("outputs[2].payload: '{hue}' has an unknown placeholder {hue}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TemplateWithoutPayloadOrTopic_NamesBothKeys()
    {
        var options = new MqttSinkOptions { Preset = MqttPreset.Template, Lights = ["tv"] };
        options.Connection.Broker = "broker";

        var errors = options.Validate("outputs[0]");

        Assert.Contains(errors, e => e.StartsWith("outputs[0].topic: the template preset needs a topic", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("outputs[0].payload: the template preset needs a payload", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SeveralLightsOneFixedTopic_AsksForTheLightPlaceholder()
    {
        var options = new MqttSinkOptions { Preset = MqttPreset.Wled, Topic = "wled/tv", Lights = ["a", "b"] };
        options.Connection.Broker = "broker";

        Assert.Equal(["outputs[1].topic: 'wled/tv' must contain {light} when the output drives 2 lights"], options.Validate("outputs[1]"));
    }

    [Fact]
    public void Validate_BadNumbersAndMissingBroker_ReportsEachKey()
    {
        var options = new MqttSinkOptions { Lights = ["tv"], MaxRate = 0, DeadBand = -1, KeepAlive = 0, Transition = -1 };
        options.Connection.Port = 70000;
        options.Connection.Password = "secret";

        var keys = options.Validate("o").Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)]).ToArray();

        Assert.Equal(["o.broker", "o.port", "o.username", "o.transition", "o.max_rate", "o.dead_band", "o.keep_alive"], keys);
    }
}
