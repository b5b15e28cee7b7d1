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
        var mode = state.TryGetProperty("color_mode", out var m) ? m.GetString() : null;
        var hasColor = state.TryGetProperty("color", out var color) && color.ValueKind == JsonValueKind.Object;
        if (mode == "color_temp" || (mode is null && !hasColor))
        {
            if (state.TryGetProperty("color_temp", out var temperature) && temperature.ValueKind == JsonValueKind.Number)
            {
                writer.WriteNumber("color_temp", temperature.GetInt32());
            }

            return;
        }

        if (!hasColor)
        {
            return;
        }

        if (mode == "hs" && color.TryGetProperty("hue", out var hue) && color.TryGetProperty("saturation", out var saturation))
        {
            writer.WriteStartObject("color");
            writer.WriteNumber("hue", hue.GetDouble());
            writer.WriteNumber("saturation", saturation.GetDouble());
            writer.WriteEndObject();
        }
        else if (color.TryGetProperty("x", out var x) && color.TryGetProperty("y", out var y))
        {
            writer.WriteStartObject("color");
            writer.WriteNumber("x", x.GetDouble());
            writer.WriteNumber("y", y.GetDouble());
            writer.WriteEndObject();
        }
    }
}
