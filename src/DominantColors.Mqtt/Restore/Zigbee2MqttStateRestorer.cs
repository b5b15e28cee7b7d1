using System.Text;
using System.Text.Json;
using DominantColors.Mqtt.Presets;

namespace DominantColors.Mqtt.Restore;

/// <summary>
/// Zigbee2MQTT publishes a device's state as JSON on <c>zigbee2mqtt/&lt;name&gt;</c> (retained if the device is
/// set to) and again on request to <c>&lt;name&gt;/get</c>. Restores state, brightness and the color in the mode the
/// lamp was in (xy, hue/saturation or color temperature) with one <c>/set</c>.
/// </summary>
internal sealed class Zigbee2MqttStateRestorer(IReadOnlyList<string> deviceTopics, double transition) : StateRestorer(deviceTopics, transition)
{
    private static readonly byte[] GetPayload = Encoding.UTF8.GetBytes("""{"state":"","brightness":"","color":"","color_temp":""}""");

    public override IReadOnlyList<string> StateTopics(int light) => [DeviceTopics[light]];

    public override MqttCommand? Request(int light) => new(DeviceTopics[light] + "/get", GetPayload);

    public override IReadOnlyList<MqttCommand> Restore(int light, IReadOnlyDictionary<string, string> captured)
    {
        ArgumentNullException.ThrowIfNull(captured);
        using var state = ParseObject(captured.GetValueOrDefault(DeviceTopics[light]));
        if (state is null || !state.RootElement.TryGetProperty("state", out var power) || power.GetString() is not ("ON" or "OFF"))
        {
            return [];
        }

        var root = state.RootElement;
        var on = power.GetString() == "ON";
        var payload = Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("state", on ? "ON" : "OFF");
            if (on)
            {
                if (root.TryGetProperty("brightness", out var brightness) && brightness.ValueKind == JsonValueKind.Number)
                {
                    w.WriteNumber("brightness", brightness.GetInt32());
                }

                WriteColor(w, root);
            }

            w.WriteNumber("transition", Transition);
            w.WriteEndObject();
        });
        return [new(DeviceTopics[light] + "/set", payload)];
    }

    private static void WriteColor(Utf8JsonWriter w, JsonElement root)
    {
        var mode = root.TryGetProperty("color_mode", out var m) ? m.GetString() : null;
        var hasColor = root.TryGetProperty("color", out var color) && color.ValueKind == JsonValueKind.Object;
        if (mode == "color_temp" || (mode is null && !hasColor))
        {
            if (root.TryGetProperty("color_temp", out var temperature) && temperature.ValueKind == JsonValueKind.Number)
            {
                w.WriteNumber("color_temp", temperature.GetInt32());
            }

            return;
        }

        if (!hasColor)
        {
            return;
        }

        if (mode == "hs" && color.TryGetProperty("hue", out var hue) && color.TryGetProperty("saturation", out var saturation))
        {
            w.WriteStartObject("color");
            w.WriteNumber("hue", hue.GetDouble());
            w.WriteNumber("saturation", saturation.GetDouble());
            w.WriteEndObject();
        }
        else if (color.TryGetProperty("x", out var x) && color.TryGetProperty("y", out var y))
        {
            w.WriteStartObject("color");
            w.WriteNumber("x", x.GetDouble());
            w.WriteNumber("y", y.GetDouble());
            w.WriteEndObject();
        }
    }
}
