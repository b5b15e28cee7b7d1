using System.Text.Json;
using DominantColors.Mqtt.Presets;
using DominantColors.Mqtt.Sink;

namespace DominantColors.Mqtt.Restore;

/// <summary>
/// What a preset can read back from its devices before the first color, and the commands that put that state back
/// when the daemon stops. Each preset does what its protocol allows; the template preset has no state to read, so
/// <see cref="Create"/> gives none. Runs once at start and once at stop, so it may allocate.
/// </summary>
internal abstract class StateRestorer
{
    protected StateRestorer(IReadOnlyList<string> deviceTopics, double transition)
    {
        DeviceTopics = deviceTopics;
        Transition = transition;
    }

    /// <summary>Each light's device topic, <c>{light}</c> expanded.</summary>
    protected IReadOnlyList<string> DeviceTopics { get; }

    /// <summary>Seconds the device fades back over.</summary>
    protected double Transition { get; }

    /// <summary>The preset's restorer, or null when its devices report no state (the template preset).</summary>
    public static StateRestorer? Create(MqttSinkOptions options, IReadOnlyList<string> deviceTopics)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Preset switch
        {
            MqttPreset.Wled => new WledStateRestorer(deviceTopics),
            MqttPreset.Zigbee2Mqtt => new Zigbee2MqttStateRestorer(deviceTopics, options.Transition),
            MqttPreset.Tasmota => new TasmotaStateRestorer(deviceTopics),
            MqttPreset.HomeAssistant => new JsonLightStateRestorer(deviceTopics, string.Empty, "/set", options.Transition, wholeSeconds: false),
            MqttPreset.Esphome => new JsonLightStateRestorer(deviceTopics, "/state", "/command", options.Transition, wholeSeconds: true),
            _ => null,
        };
    }

    /// <summary>The topics on which <paramref name="light"/>'s device reports its state (retained, or after <see cref="Request"/>).</summary>
    public abstract IReadOnlyList<string> StateTopics(int light);

    /// <summary>A message that makes the device report its state now, where the protocol has one.</summary>
    public virtual MqttCommand? Request(int light) => null;

    /// <summary>The commands that restore what <paramref name="captured"/> (state topic → payload) says; empty when it says too little.</summary>
    public abstract IReadOnlyList<MqttCommand> Restore(int light, IReadOnlyDictionary<string, string> captured);

    /// <summary>Parses <paramref name="payload"/> as a JSON object, or null.</summary>
    protected static JsonDocument? ParseObject(string? payload)
    {
        if (payload is null)
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
            // Not a state this preset understands.
        }

        return null;
    }
}
