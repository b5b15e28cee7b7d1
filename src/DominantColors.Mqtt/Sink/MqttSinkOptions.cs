using DominantColors.Mqtt.Connection;
using DominantColors.Mqtt.Presets;

namespace DominantColors.Mqtt.Sink;

/// <summary>
/// One <c>type: mqtt</c> output: a broker, a device preset and the lights it drives, e.g.
/// <c>{type: mqtt, broker: 127.0.0.1, port: 1883, preset: wled, topic: wled/tv, lights: [tv]}</c>.
/// </summary>
internal sealed class MqttSinkOptions
{
    /// <summary>A name for logs and the client id; the factory sets it from the output's position or <c>name</c>.</summary>
    public string Name { get; set; } = "mqtt";

    public MqttConnectionOptions Connection { get; set; } = new();

    /// <summary><c>preset</c>.</summary>
    public MqttPreset Preset { get; set; } = MqttPreset.Wled;

    /// <summary>
    /// <c>topic</c>: the device topic; <c>{light}</c> stands for each light's name and is required when an output
    /// drives several lights. Left empty, the preset's default (e.g. <c>zigbee2mqtt/{light}</c>).
    /// </summary>
    public string? Topic { get; set; }

    /// <summary><c>lights</c>: the pipeline lights, one device each.</summary>
    public IReadOnlyList<string> Lights { get; set; } = [];

    /// <summary><c>transition</c>: seconds the device fades between colors (Zigbee, Tasmota, HA, ESPHome, template).</summary>
    public double Transition { get; set; } = 0.5;

    /// <summary><c>max_rate</c>: most messages per second on one topic.</summary>
    public double MaxRate { get; set; } = 4;

    /// <summary><c>dead_band</c>: the OKLab distance below which a new color is not sent.</summary>
    public float DeadBand { get; set; } = 0.02f;

    /// <summary><c>keep_alive</c>: seconds after which an unchanged color is sent again.</summary>
    public double KeepAlive { get; set; } = 30;

    /// <summary><c>instant</c> (wled): send to <c>&lt;topic&gt;/api</c> with <c>"tt":0</c> instead of <c>/col</c>.</summary>
    public bool Instant { get; set; }

    /// <summary><c>color_format</c> (zigbee2mqtt): xy or hex.</summary>
    public ZigbeeColorFormat ColorFormat { get; set; } = ZigbeeColorFormat.Xy;

    /// <summary><c>payload</c> (template).</summary>
    public string? Payload { get; set; }

    /// <summary><c>payload_off</c> (template): sent instead of <c>payload</c> when the light goes dark.</summary>
    public string? PayloadOff { get; set; }

    /// <summary>Every problem, each naming its key under <paramref name="path"/> (e.g. <c>outputs[0]</c>).</summary>
    public IReadOnlyList<string> Validate(string path)
    {
        var errors = new List<string>(Connection.Validate(path));
        if (Lights.Count == 0)
        {
            errors.Add($"{path}.lights: needs at least one light");
        }

        if (Lights.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{path}.lights: a light name is empty");
        }

        var topic = Topic ?? PresetWriter.DefaultTopicOrNull(Preset);
        if (topic is null)
        {
            errors.Add($"{path}.topic: the {Preset.ToString().ToLowerInvariant()} preset needs a topic");
        }
        else if (topic.Length == 0 || topic.Contains('#', StringComparison.Ordinal) || topic.Contains('+', StringComparison.Ordinal))
        {
            errors.Add($"{path}.topic: '{topic}' is not a topic to publish to (empty, or has a # or + wildcard)");
        }
        else if (Lights.Count > 1 && !topic.Contains("{light}", StringComparison.Ordinal))
        {
            errors.Add($"{path}.topic: '{topic}' must contain {{light}} when the output drives {Lights.Count} lights");
        }

        if (Transition is < 0 or > 3600 || double.IsNaN(Transition))
        {
            errors.Add($"{path}.transition: {Transition} is not 0-3600 seconds");
        }

        if (MaxRate is <= 0 or > 100 || double.IsNaN(MaxRate))
        {
            errors.Add($"{path}.max_rate: {MaxRate} is not within (0, 100] messages per second");
        }

        if (DeadBand is < 0 or > 1 || float.IsNaN(DeadBand))
        {
            errors.Add($"{path}.dead_band: {DeadBand} is not an OKLab distance within 0-1");
        }

        if (KeepAlive is < 1 or > 86400 || double.IsNaN(KeepAlive))
        {
            errors.Add($"{path}.keep_alive: {KeepAlive} is not 1-86400 seconds");
        }

        ValidateTemplate(path, errors);
        return errors;
    }

    private void ValidateTemplate(string path, List<string> errors)
    {
        if (Preset != MqttPreset.Template)
        {
            if (Payload is not null || PayloadOff is not null)
            {
                errors.Add($"{path}.{(Payload is not null ? "payload" : "payload_off")}: only the template preset takes a payload");
            }

            return;
        }

        if (Payload is null)
        {
            errors.Add($"{path}.payload: the template preset needs a payload, e.g. '{{\"color\":\"{{hex}}\"}}' (placeholders: {string.Join(", ", PayloadTemplate.Names)})");
        }
        else if (!PayloadTemplate.TryParse(Payload, out _, out var error))
        {
            errors.Add($"{path}.payload: '{Payload}' {error}");
        }

        if (PayloadOff is not null && !PayloadTemplate.TryParse(PayloadOff, out _, out var offError))
        {
            errors.Add($"{path}.payload_off: '{PayloadOff}' {offError}");
        }

        if (Topic is not null && Topic.Replace("{light}", string.Empty, StringComparison.Ordinal).Contains('{', StringComparison.Ordinal))
        {
            errors.Add($"{path}.topic: '{Topic}' may only use the {{light}} placeholder");
        }
    }
}
