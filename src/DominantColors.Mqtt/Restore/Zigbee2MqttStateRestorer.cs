using System.Text;
using System.Text.Json;
using DominantColors.Mqtt.Presets;

namespace DominantColors.Mqtt.Restore;

/// <summary>
/// Zigbee2MQTT publishes a device's state as JSON on <c>zigbee2mqtt/&lt;name&gt;</c> (retained if the device is
/// set to) and again on request to <c>&lt;name&gt;/get</c>. Restores state, brightness and the color in the mode the
/// lamp was in (xy, hue/saturation or color temperature) with one <c>/set</c>.
/// </summary>
internal sealed class Zigbee2MqttStateRestorer(IReadOnlyList<string> deviceTopics, double transition)
    : JsonStateRestorer(deviceTopics, transition, string.Empty, "/set")
{
    private static readonly byte[] GetPayload = Encoding.UTF8.GetBytes("""{"state":"","brightness":"","color":"","color_temp":""}""");

    public override MqttCommand? Request(int light) => new(DeviceTopics[light] + "/get", GetPayload);

    protected override void WriteColor(Utf8JsonWriter writer, JsonElement state)
    {
        var mode = Text(state, "color_mode");
        var hasColor = state.TryGetProperty("color", out var color) && color.ValueKind == JsonValueKind.Object;
        if (mode == "color_temp" || (mode is null && !hasColor))
        {
            if (Integer(state, "color_temp") is { } temperature)
            {
                writer.WriteNumber("color_temp", temperature);
            }

            return;
        }

        if (!hasColor)
        {
            return;
        }

        if (mode == "hs" && Number(color, "hue") is { } hue && Number(color, "saturation") is { } saturation)
        {
            writer.WriteStartObject("color");
            writer.WriteNumber("hue", hue);
            writer.WriteNumber("saturation", saturation);
            writer.WriteEndObject();
        }
        else if (Number(color, "x") is { } x && Number(color, "y") is { } y)
        {
            writer.WriteStartObject("color");
            writer.WriteNumber("x", x);
            writer.WriteNumber("y", y);
            writer.WriteEndObject();
        }
    }
}
