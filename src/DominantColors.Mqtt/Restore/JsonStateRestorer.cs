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
        if (state is null || !state.RootElement.TryGetProperty("state", out var power) || power.GetString() is not ("ON" or "OFF"))
        {
            return [];
        }

        var root = state.RootElement;
        var on = power.GetString() == "ON";
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
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
        }

        return [new(DeviceTopics[light] + _commandSuffix, buffer.WrittenSpan.ToArray())];
    }

    /// <summary>Writes the color (or color temperature) the light was in, as the device takes it; nothing when <paramref name="state"/> has none.</summary>
    protected abstract void WriteColor(Utf8JsonWriter writer, JsonElement state);
}
