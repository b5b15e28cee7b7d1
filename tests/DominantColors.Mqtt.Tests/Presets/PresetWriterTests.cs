using System.Text;
using DominantColors.Colors;
using DominantColors.Mqtt.Presets;
using DominantColors.Mqtt.Sink;

namespace DominantColors.Mqtt.Tests.Presets;

public sealed class PresetWriterTests
{
    public static TheoryData<string, byte, byte, byte, string, string> ExactCommands => new()
    {
        // preset, color, topic, payload
        { "wled", 255, 136, 0, "wled/tv/col", "#FF8800" },
        { "wled", 0, 0, 0, "wled/tv", "OFF" },
        { "wled-instant", 128, 64, 0, "wled/tv/api", """{"on":true,"bri":128,"tt":0,"seg":[{"col":[[255,128,0]]}]}""" },
        { "wled-instant", 0, 0, 0, "wled/tv/api", """{"on":false,"tt":0}""" },
        { "zigbee2mqtt", 255, 0, 0, "zigbee2mqtt/tv/set", """{"state":"ON","color":{"x":0.6400,"y":0.3300},"brightness":254,"transition":0.5}""" },
        { "zigbee2mqtt-hex", 128, 64, 0, "zigbee2mqtt/tv/set", """{"state":"ON","color":{"hex":"#FF8000"},"brightness":127,"transition":0.5}""" },
        { "zigbee2mqtt", 0, 0, 0, "zigbee2mqtt/tv/set", """{"state":"OFF","transition":0.5}""" },
        { "tasmota", 255, 136, 0, "cmnd/tv/Color", "#FF8800" },
        { "tasmota", 0, 0, 0, "cmnd/tv/Color", "#000000" },
        { "homeassistant", 255, 136, 0, "tv/set", """{"state":"ON","brightness":255,"color":{"r":255,"g":136,"b":0},"transition":0.5}""" },
        { "homeassistant", 100, 50, 0, "tv/set", """{"state":"ON","brightness":100,"color":{"r":255,"g":128,"b":0},"transition":0.5}""" },
        { "homeassistant", 0, 0, 0, "tv/set", """{"state":"OFF","transition":0.5}""" },
        { "esphome", 255, 136, 0, "tv/light/tv/command", """{"state":"ON","brightness":255,"color":{"r":255,"g":136,"b":0},"transition":1}""" },
        { "esphome", 0, 0, 0, "tv/light/tv/command", """{"state":"OFF","transition":1}""" },
        { "template", 255, 0, 0, "lights/tv/cmd", """{"c":"#FF0000","rgb":[255,0,0],"xy":[0.6400,0.3300],"bri":255,"t":0.5}""" },
        { "template", 0, 0, 0, "lights/tv/cmd", "OFF" },
    };

    [Theory]
    [MemberData(nameof(ExactCommands))]
    public void Write_EachPreset_WritesTheDevicesTopicAndPayload(string preset, byte r, byte g, byte b, string topic, string payload)
    {
        var writer = PresetWriter.Create(Options(preset));

        var command = writer.Write(0, new Rgb24(r, g, b));

        Assert.Equal(topic, command.Topic);
        Assert.Equal(payload, Encoding.UTF8.GetString(command.Payload.Span));
    }

    [Fact]
    public void SetupCommands_Tasmota_EnablesFadeAtTheTransitionSpeed()
    {
        var options = Options("tasmota");
        options.Transition = 2;
        var writer = PresetWriter.Create(options);

        var setup = writer.SetupCommands(0).Select(c => (c.Topic, Encoding.UTF8.GetString(c.Payload.Span))).ToArray();

        Assert.Equal([("cmnd/tv/Fade", "1"), ("cmnd/tv/Speed", "4")], setup);
    }

    [Fact]
    public void TryWriteFollowUp_Wled_SwitchesOnWithTheFirstColorAfterAConnectOrAnOff()
    {
        var writer = PresetWriter.Create(Options("wled"));

        Assert.Equal(["wled/tv/col #010203", "wled/tv ON"], Sent(writer, new Rgb24(1, 2, 3)));
        Assert.Equal(["wled/tv/col #040506"], Sent(writer, new Rgb24(4, 5, 6)));
        Assert.Equal(["wled/tv OFF"], Sent(writer, Rgb24.Black));
        Assert.Equal(["wled/tv/col #070809", "wled/tv ON"], Sent(writer, new Rgb24(7, 8, 9)));
        writer.Reset();
        Assert.Equal(["wled/tv/col #070809", "wled/tv ON"], Sent(writer, new Rgb24(7, 8, 9)));
    }

    [Theory]
    [InlineData("tv", "tv/light/tv/command")]
    [InlineData("TV Backlight", "tv_backlight/light/tv_backlight/command")]
    [InlineData("Küche.Links-2", "k__che_links-2/light/k__che_links-2/command")]
    public void Create_EsphomeLightName_UsesEsphomesObjectIdInTheTopic(string light, string topic)
    {
        var options = new MqttSinkOptions { Preset = MqttPreset.Esphome, Lights = [light] };

        Assert.Equal(topic, PresetWriter.Create(options).Write(0, new Rgb24(1, 2, 3)).Topic);
    }

    [Fact]
    public void Create_SeveralLights_ExpandsTheLightPlaceholderPerLight()
    {
        var options = new MqttSinkOptions { Preset = MqttPreset.Zigbee2Mqtt, Lights = ["left", "right"] };
        var writer = PresetWriter.Create(options);

        Assert.Equal("zigbee2mqtt/left/set", writer.Write(0, new Rgb24(1, 2, 3)).Topic);
        Assert.Equal("zigbee2mqtt/right/set", writer.Write(1, new Rgb24(1, 2, 3)).Topic);
    }

    [Fact]
    public void Write_SameLightTwice_ReusesOneBuffer()
    {
        var writer = PresetWriter.Create(Options("homeassistant"));

        var first = writer.Write(0, new Rgb24(10, 20, 30));
        var second = writer.Write(0, new Rgb24(0, 0, 0));

        Assert.True(first.Payload.Span.Overlaps(second.Payload.Span));
        Assert.Equal("""{"state":"OFF","transition":0.5}""", Encoding.UTF8.GetString(second.Payload.Span));
    }

    private static string[] Sent(PresetWriter writer, Rgb24 color)
    {
        var sent = new List<string>();
        var command = writer.Write(0, color);
        sent.Add($"{command.Topic} {Encoding.UTF8.GetString(command.Payload.Span)}");
        if (writer.TryWriteFollowUp(0, out var followUp))
        {
            sent.Add($"{followUp.Topic} {Encoding.UTF8.GetString(followUp.Payload.Span)}");
        }

        return [.. sent];
    }

    internal static MqttSinkOptions Options(string preset)
    {
        var options = new MqttSinkOptions { Lights = ["tv"], Topic = "tv" };
        switch (preset)
        {
            case "wled":
            case "wled-instant":
                options.Preset = MqttPreset.Wled;
                options.Topic = "wled/tv";
                options.Instant = preset == "wled-instant";
                break;
            case "zigbee2mqtt":
            case "zigbee2mqtt-hex":
                options.Preset = MqttPreset.Zigbee2Mqtt;
                options.Topic = null;
                options.ColorFormat = preset == "zigbee2mqtt" ? ZigbeeColorFormat.Xy : ZigbeeColorFormat.Hex;
                break;
            case "tasmota":
                options.Preset = MqttPreset.Tasmota;
                break;
            case "homeassistant":
                options.Preset = MqttPreset.HomeAssistant;
                break;
            case "esphome":
                options.Preset = MqttPreset.Esphome;
                options.Topic = null;
                break;
            default:
                options.Preset = MqttPreset.Template;
                options.Topic = "lights/{light}/cmd";
                options.Payload = """{"c":"{hex}","rgb":[{r},{g},{b}],"xy":[{x},{y}],"bri":{brightness},"t":{transition}}""";
                options.PayloadOff = "OFF";
                break;
        }

        return options;
    }
}
