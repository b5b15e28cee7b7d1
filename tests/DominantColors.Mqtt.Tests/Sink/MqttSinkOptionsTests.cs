using DominantColors.Mqtt.Connection;
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

        Assert.Empty(options.Validate());
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

        var error = Assert.Single(options.Validate());
        Assert.Equal("payload", error.Key);
        Assert.StartsWith("'{hue}' has an unknown placeholder {hue}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TemplateWithoutPayloadOrTopic_NamesBothKeys()
    {
        var options = new MqttSinkOptions { Preset = MqttPreset.Template, Lights = ["tv"] };
        options.Connection.Broker = "broker";

        var errors = options.Validate();

        Assert.Contains(new("topic", "the template preset needs a topic"), errors);
        Assert.Contains(errors, e => e.Key == "payload" && e.Message.StartsWith("the template preset needs a payload", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SeveralLightsOneFixedTopic_AsksForTheLightPlaceholder()
    {
        var options = new MqttSinkOptions { Preset = MqttPreset.Wled, Topic = "wled/tv", Lights = ["a", "b"] };
        options.Connection.Broker = "broker";

        Assert.Equal(["topic: 'wled/tv' must contain {light} when the output drives 2 lights"], options.Validate().Select(e => e.ToString()));
    }

    [Fact]
    public void Validate_ClientCertificateWithoutKey_NamesTheMissingKey()
    {
        var options = new MqttSinkOptions { Broker = "b", Lights = ["tv"], Tls = new() { CertFile = "client.crt" } };

        Assert.Equal(["tls:keyFile: a client certificate needs both certFile and keyFile"], options.Validate().Select(e => e.ToString()));
    }

    [Fact]
    public void CheckFiles_MissingPasswordFile_NamesIt()
    {
        var options = new MqttSinkOptions { Broker = "b", Username = "u", PasswordFile = "/nonexistent/pw", Lights = ["tv"] };

        Assert.Equal(["passwordFile: file '/nonexistent/pw' does not exist"], options.Connection.CheckFiles().Select(e => e.ToString()));
    }

    [Fact]
    public void Validate_BadNumbersAndMissingBroker_ReportsEachKey()
    {
        var options = new MqttSinkOptions { Lights = ["tv"], MaxRate = 0, DeadBand = -1, KeepAlive = 0, Transition = -1 };
        options.Connection.Port = 70000;
        options.Connection.Password = "secret";

        var keys = options.Validate().Select(e => e.Key).ToArray();

        Assert.Equal(["broker", "port", "username", "transition", "maxRate", "deadBand", "keepAlive"], keys);
    }
}
