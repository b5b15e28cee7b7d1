using DominantColors.Colors;
using DominantColors.Mqtt.Sink;

namespace DominantColors.Mqtt.Presets;

/// <summary>
/// Turns one light's color into the message its device expects. Topics are built once; each light has its own
/// payload buffer, reused for every color, so writing allocates nothing.
/// </summary>
internal abstract class PresetWriter
{
    /// <summary>Room for the longest payload a preset writes (a user template is checked against it).</summary>
    public const int MaxPayloadBytes = 512;

    private readonly byte[][] _buffers;

    protected PresetWriter(IReadOnlyList<string> deviceTopics)
    {
        DeviceTopics = deviceTopics;
        _buffers = new byte[deviceTopics.Count][];
        for (var i = 0; i < _buffers.Length; i++)
        {
            _buffers[i] = new byte[MaxPayloadBytes];
        }
    }

    /// <summary>The device topic of each light, <c>{light}</c> already expanded (for esphome, to the light's object id).</summary>
    public IReadOnlyList<string> DeviceTopics { get; }

    /// <summary>Writes the command for <paramref name="color"/> on light <paramref name="light"/>; black means off.</summary>
    public abstract MqttCommand Write(int light, Rgb24 color);

    /// <summary>
    /// A second command that completes the last <see cref="Write"/> on <paramref name="light"/>, sent right after it
    /// (WLED's <c>ON</c> after the first color that follows its off); false when there is none.
    /// </summary>
    public virtual bool TryWriteFollowUp(int light, out MqttCommand command)
    {
        command = default;
        return false;
    }

    /// <summary>Commands sent once after every connect, before any color (e.g. Tasmota's Fade and Speed).</summary>
    public virtual IReadOnlyList<MqttCommand> SetupCommands(int light) => [];

    /// <summary>Forgets what the devices were last told, after a reconnect: their state may have changed meanwhile.</summary>
    public virtual void Reset()
    {
    }

    public static PresetWriter Create(MqttSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var topicTemplate = options.Topic ?? DefaultTopic(options.Preset);
        var topics = new string[options.Lights.Count];
        for (var i = 0; i < topics.Length; i++)
        {
            // ESPHome builds every topic from object ids, so there {light} is the name in that form.
            var light = options.Preset == MqttPreset.Esphome ? EsphomeObjectId.From(options.Lights[i]) : options.Lights[i];
            topics[i] = topicTemplate.Replace("{light}", light, StringComparison.Ordinal);
        }

        return options.Preset switch
        {
            MqttPreset.Wled => new WledPresetWriter(topics, options.Instant),
            MqttPreset.Zigbee2Mqtt => new Zigbee2MqttPresetWriter(topics, options.ColorFormat, options.Transition),
            MqttPreset.Tasmota => new TasmotaPresetWriter(topics, options.Transition),
            MqttPreset.HomeAssistant => new JsonLightPresetWriter(topics, "/set", options.Transition, wholeSeconds: false),
            MqttPreset.Esphome => new JsonLightPresetWriter(topics, "/command", options.Transition, wholeSeconds: true),
            MqttPreset.Template => new TemplatePresetWriter(
                topics,
                PayloadTemplate.Parse(options.Payload ?? string.Empty),
                options.PayloadOff is null ? null : PayloadTemplate.Parse(options.PayloadOff),
                options.Transition),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Preset, "Unknown MQTT preset."),
        };
    }

    /// <summary>The topic used when the YAML gives none; <c>null</c> when the preset needs one.</summary>
    public static string? DefaultTopicOrNull(MqttPreset preset) => preset switch
    {
        MqttPreset.Wled => "wled/{light}",
        MqttPreset.Zigbee2Mqtt => "zigbee2mqtt/{light}",
        MqttPreset.Tasmota => "{light}",
        MqttPreset.HomeAssistant => "{light}",
        MqttPreset.Esphome => "{light}/light/{light}",
        _ => null,
    };

    protected Span<byte> Buffer(int light) => _buffers[light];

    protected MqttCommand Command(string topic, int light, int length) => new(topic, _buffers[light].AsMemory(0, length));

    private static string DefaultTopic(MqttPreset preset) =>
        DefaultTopicOrNull(preset) ?? throw new ArgumentException($"The {preset} preset needs a topic.", nameof(preset));
}
