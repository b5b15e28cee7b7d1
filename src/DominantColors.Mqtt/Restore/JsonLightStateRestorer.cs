using System.Text.Json;
using DominantColors.Mqtt.Presets;

namespace DominantColors.Mqtt.Restore;

/// <summary>
/// Home Assistant JSON-schema lights and ESPHome report state as the same JSON on a state topic (<c>&lt;topic&gt;</c>
/// for the homeassistant preset, whose commands go to <c>/set</c>; <c>&lt;topic&gt;/state</c> for ESPHome, retained by
/// default) and have no request for it, so it is there to read when retained. Restores state, brightness, and the
/// color object or color temperature as reported.
/// </summary>
internal sealed class JsonLightStateRestorer(
    IReadOnlyList<string> deviceTopics, string stateSuffix, string commandSuffix, double transition, bool wholeSeconds)
    : StateRestorer(deviceTopics, wholeSeconds ? Math.Round(transition, MidpointRounding.AwayFromZero) : transition)
{
    public override IReadOnlyList<string> StateTopics(int light) => [DeviceTopics[light] + stateSuffix];

    public override IReadOnlyList<MqttCommand> Restore(int light, IReadOnlyDictionary<string, string> captured)
    {
        ArgumentNullException.ThrowIfNull(captured);
        using var state = ParseObject(captured.GetValueOrDefault(DeviceTopics[light] + stateSuffix));
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

                var mode = root.TryGetProperty("color_mode", out var m) ? m.GetString() : null;
                if (mode == "color_temp" && root.TryGetProperty("color_temp", out var temperature) && temperature.ValueKind == JsonValueKind.Number)
                {
                    w.WriteNumber("color_temp", temperature.GetInt32());
                }
                else if (root.TryGetProperty("color", out var color) && color.ValueKind == JsonValueKind.Object)
                {
                    w.WritePropertyName("color");
                    color.WriteTo(w);
                }
            }

            w.WriteNumber("transition", Transition);
            w.WriteEndObject();
        });
        return [new(DeviceTopics[light] + commandSuffix, payload)];
    }
}
