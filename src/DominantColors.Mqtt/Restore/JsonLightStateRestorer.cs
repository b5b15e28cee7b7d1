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
        if (Text(state, "color_mode") == "color_temp" && Integer(state, "color_temp") is { } temperature)
        {
            writer.WriteNumber("color_temp", temperature);
        }
        else if (state.TryGetProperty("color", out var color) && color.ValueKind == JsonValueKind.Object)
        {
            writer.WritePropertyName("color");
            color.WriteTo(writer);
        }
    }
}
