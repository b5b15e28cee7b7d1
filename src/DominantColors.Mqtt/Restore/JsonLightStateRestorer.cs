using System.Text.Json;

namespace DominantColors.Mqtt.Restore;

/// <summary>
/// Home Assistant JSON-schema lights and ESPHome report state as the same JSON on a state topic (<c>&lt;topic&gt;</c>
/// for the homeassistant preset, whose commands go to <c>/set</c>; <c>&lt;topic&gt;/state</c> for ESPHome, retained by
/// default) and have no request for it, so it is there to read when retained. Restores state, brightness, and the
/// color object or color temperature as reported.
/// </summary>
internal sealed class JsonLightStateRestorer(
    IReadOnlyList<string> deviceTopics, string stateSuffix, string commandSuffix, double transition, bool wholeSeconds)
    : JsonStateRestorer(deviceTopics, wholeSeconds ? Math.Round(transition, MidpointRounding.AwayFromZero) : transition, stateSuffix, commandSuffix)
{
    protected override void WriteColor(Utf8JsonWriter writer, JsonElement state)
    {
        var mode = state.TryGetProperty("color_mode", out var m) ? m.GetString() : null;
        if (mode == "color_temp" && state.TryGetProperty("color_temp", out var temperature) && temperature.ValueKind == JsonValueKind.Number)
        {
            writer.WriteNumber("color_temp", temperature.GetInt32());
        }
        else if (state.TryGetProperty("color", out var color) && color.ValueKind == JsonValueKind.Object)
        {
            writer.WritePropertyName("color");
            color.WriteTo(writer);
        }
    }
}
