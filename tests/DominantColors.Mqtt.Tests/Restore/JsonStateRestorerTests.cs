using System.Text;
using System.Text.Json;
using DominantColors.Mqtt.Presets;
using DominantColors.Mqtt.Restore;
using DominantColors.Mqtt.Tests.Presets;

namespace DominantColors.Mqtt.Tests.Restore;

/// <summary>
/// The JSON state frame (Zigbee2MQTT, Home Assistant, ESPHome) on states a device should not send: a value of the
/// wrong kind is left out, never thrown, so one odd lamp cannot cost the other lights of the sink their restore.
/// </summary>
public sealed class JsonStateRestorerTests
{
    [Theory]
    [InlineData("zigbee2mqtt", """{"state":"ON","brightness":120.5,"color_mode":"xy","color":{"x":0.3,"y":0.32}}""", """{"state":"ON","color":{"x":0.3,"y":0.32},"transition":0.5}""")]
    [InlineData("zigbee2mqtt", """{"state":"ON","brightness":90,"color_mode":"hs","color":{"hue":"red","saturation":1,"x":0.1,"y":0.2}}""", """{"state":"ON","brightness":90,"color":{"x":0.1,"y":0.2},"transition":0.5}""")]
    [InlineData("zigbee2mqtt", """{"state":"ON","color_mode":"color_temp","color_temp":250.5}""", """{"state":"ON","transition":0.5}""")]
    [InlineData("zigbee2mqtt", """{"state":"ON","brightness":3000000000,"color":{"x":1e400,"y":0.2}}""", """{"state":"ON","transition":0.5}""")]
    [InlineData("zigbee2mqtt", """{"state":"ON","color_mode":7,"color":{"x":0.1,"y":0.2}}""", """{"state":"ON","color":{"x":0.1,"y":0.2},"transition":0.5}""")]
    [InlineData("homeassistant", """{"state":"ON","color_mode":"color_temp","color_temp":"warm","brightness":"high","color":{"r":1,"g":2,"b":3}}""", """{"state":"ON","color":{"r":1,"g":2,"b":3},"transition":0.5}""")]
    [InlineData("esphome", """{"state":"ON","color_mode":false,"brightness":200}""", """{"state":"ON","brightness":200,"transition":1}""")]
    public void Restore_ValueOfTheWrongKind_LeavesItOutAndRestoresTheRest(string preset, string state, string expected)
    {
        var (restorer, stateTopic) = Restorer(preset);

        var command = Assert.Single(restorer.Restore(0, new Dictionary<string, string> { [stateTopic] = state }));

        Assert.Equal(expected, Encoding.UTF8.GetString(command.Payload.Span));
    }

    [Theory]
    [InlineData("zigbee2mqtt", """{"state":1,"brightness":10}""")]
    [InlineData("zigbee2mqtt", """{"state":true}""")]
    [InlineData("homeassistant", """{"state":null,"color":{"r":1,"g":2,"b":3}}""")]
    [InlineData("esphome", """{"state":{"on":true}}""")]
    public void Restore_StateNotOnOrOffText_RestoresNothing(string preset, string state)
    {
        var (restorer, stateTopic) = Restorer(preset);

        Assert.Empty(restorer.Restore(0, new Dictionary<string, string> { [stateTopic] = state }));
    }

    [Fact]
    public void Restore_EveryMixOfOddValues_SendsValidJsonWithThePowerItWasIn()
    {
        string[] powers = ["\"ON\"", "\"OFF\""];
        string[] values = ["1", "-4", "0.5", "1e400", "3000000000", "\"x\"", "null", "true", "[]", "{}"];
        string[] colors = ["{\"x\":V,\"y\":V}", "{\"hue\":V,\"saturation\":V}", "{\"r\":V,\"g\":V,\"b\":V}", "V"];
        string[] modes = ["\"xy\"", "\"hs\"", "\"color_temp\"", "\"rgb\"", "V"];
        foreach (var preset in new[] { "zigbee2mqtt", "homeassistant", "esphome" })
        {
            var (restorer, stateTopic) = Restorer(preset);
            foreach (var power in powers)
            {
                foreach (var value in values)
                {
                    foreach (var color in colors)
                    {
                        foreach (var mode in modes)
                        {
                            var state = $"{{\"state\":{power},\"brightness\":{value},\"color_mode\":{mode.Replace("V", value, StringComparison.Ordinal)},"
                                + $"\"color\":{color.Replace("V", value, StringComparison.Ordinal)},\"color_temp\":{value}}}";

                            var command = Assert.Single(restorer.Restore(0, new Dictionary<string, string> { [stateTopic] = state }));

                            using var sent = JsonDocument.Parse(command.Payload);
                            Assert.Equal(power.Trim('"'), sent.RootElement.GetProperty("state").GetString());
                            Assert.Equal(JsonValueKind.Number, sent.RootElement.GetProperty("transition").ValueKind);
                        }
                    }
                }
            }
        }
    }

    private static (StateRestorer Restorer, string StateTopic) Restorer(string preset)
    {
        var options = PresetWriterTests.Options(preset);
        var restorer = StateRestorer.Create(options, PresetWriter.Create(options).DeviceTopics)!;
        return (restorer, restorer.StateTopics(0)[0]);
    }
}
