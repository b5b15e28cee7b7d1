using System.Buffers;
using System.Text.Json;
using DominantColors.Mqtt.Presets;

namespace DominantColors.Mqtt.Restore;

/// <summary>
/// Lights that report their state as one JSON object with <c>"state":"ON"|"OFF"</c> and take it back the same way
/// (Zigbee2MQTT, and Home Assistant's JSON schema that ESPHome also speaks). Restores the power, and when the light was
/// on its brightness and color, in one command with the sink's transition; how the color is written is each
/// protocol's own (<see cref="WriteColor"/>).
/// </summary>
internal abstract class JsonStateRestorer : StateRestorer
{
    private readonly string _stateSuffix;
    private readonly string _commandSuffix;

    /// <param name="deviceTopics">Each light's device topic, <c>{light}</c> expanded.</param>
    /// <param name="transition">Seconds the device fades back over.</param>
    /// <param name="stateSuffix">Appended to the device topic: where the state is reported.</param>
    /// <param name="commandSuffix">Appended to the device topic: where the restore is sent.</param>
    protected JsonStateRestorer(IReadOnlyList<string> deviceTopics, double transition, string stateSuffix, string commandSuffix)
        : base(deviceTopics, transition)
    {
        _stateSuffix = stateSuffix;
        _commandSuffix = commandSuffix;
    }

    public sealed override IReadOnlyList<string> StateTopics(int light) => [DeviceTopics[light] + _stateSuffix];

    public sealed override IReadOnlyList<MqttCommand> Restore(int light, IReadOnlyDictionary<string, string> captured)
    {
        ArgumentNullException.ThrowIfNull(captured);
        using var state = ParseObject(captured.GetValueOrDefault(DeviceTopics[light] + _stateSuffix));
        if (state is null)
        {
            return [];
        }

        var root = state.RootElement;
        var power = Text(root, "state");
        if (power is not ("ON" or "OFF"))
        {
            return [];
        }

        var on = power == "ON";
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("state", on ? "ON" : "OFF");
            if (on)
            {
                if (Integer(root, "brightness") is { } brightness)
                {
                    w.WriteNumber("brightness", brightness);
                }

                WriteColor(w, root);
            }

            w.WriteNumber("transition", Transition);
            w.WriteEndObject();
        }

        return [new(DeviceTopics[light] + _commandSuffix, buffer.WrittenSpan.ToArray())];
    }

    /// <summary>The string <paramref name="name"/> of <paramref name="json"/>, or null when it is absent or not a string.</summary>
    protected static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The whole number <paramref name="name"/> of <paramref name="json"/>, or null when it is absent, not a number, fractional or out of range.</summary>
    protected static int? Integer(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    /// <summary>The finite number <paramref name="name"/> of <paramref name="json"/>, or null.</summary>
    protected static double? Number(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : null;

    /// <summary>Writes the color (or color temperature) the light was in, as the device takes it; nothing when <paramref name="state"/> has none.</summary>
    protected abstract void WriteColor(Utf8JsonWriter writer, JsonElement state);
}
