using System.ComponentModel.DataAnnotations;
using DominantColors.Mqtt.Connection;
using DominantColors.Mqtt.Presets;

namespace DominantColors.Mqtt.Sink;

/// <summary>
/// One <c>type: mqtt</c> output: a broker, a device preset and the lights it drives, e.g.
/// <c>{type: mqtt, broker: 127.0.0.1, port: 1883, preset: wled, topic: wled/tv, lights: [tv]}</c>.
/// </summary>
public sealed class MqttSinkOptions : IValidatableObject
{
    /// <summary>A name for logs and the client id; the factory sets it from the output's position.</summary>
    public string Name { get; internal set; } = "mqtt";

    /// <summary>Sets <see cref="Name"/>: a method, not a public setter, so the name never becomes a YAML key.</summary>
    public void SetName(string name) => Name = name;

    /// <summary>The connection keys below, gathered for the client (not a YAML key: it has no setter).</summary>
    public MqttConnectionOptions Connection { get; } = new();

    /// <summary><c>broker</c>: host name or address.</summary>
    public string Broker { get => Connection.Broker; set => Connection.Broker = value; }

    /// <summary><c>port</c>; 0 picks 1883, or 8883 with TLS.</summary>
    public int Port { get => Connection.Port; set => Connection.Port = value; }

    /// <summary><c>username</c>.</summary>
    public string? Username { get => Connection.Username; set => Connection.Username = value; }

    /// <summary><c>password</c>; prefer <c>passwordFile</c>.</summary>
    public string? Password { get => Connection.Password; set => Connection.Password = value; }

    /// <summary><c>passwordFile</c>: a file whose first line is the password.</summary>
    public string? PasswordFile { get => Connection.PasswordFile; set => Connection.PasswordFile = value; }

    /// <summary><c>clientId</c>; left empty, a unique one is made.</summary>
    public string? ClientId { get => Connection.ClientId; set => Connection.ClientId = value; }

    /// <summary><c>tls</c>: <c>enabled</c>, <c>caFile</c>, <c>certFile</c>, <c>keyFile</c>, <c>serverName</c>.</summary>
    public MqttTlsOptions? Tls { get => Connection.Tls; set => Connection.Tls = value; }

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

    /// <summary><c>maxRate</c>: most messages per second on one topic.</summary>
    public double MaxRate { get; set; } = 4;

    /// <summary><c>deadBand</c>: the OKLab distance below which a new color is not sent.</summary>
    public double DeadBand { get; set; } = 0.02;

    /// <summary><c>keepAlive</c>: seconds after which an unchanged color is sent again.</summary>
    public double KeepAlive { get; set; } = 30;

    /// <summary><c>instant</c> (wled): send to <c>&lt;topic&gt;/api</c> with <c>"tt":0</c> instead of <c>/col</c>.</summary>
    public bool Instant { get; set; }

    /// <summary><c>colorFormat</c> (zigbee2mqtt): xy or hex.</summary>
    public ZigbeeColorFormat ColorFormat { get; set; } = ZigbeeColorFormat.Xy;

    /// <summary><c>payload</c> (template).</summary>
    public string? Payload { get; set; }

    /// <summary><c>payloadOff</c> (template): sent instead of <c>payload</c> when the light goes dark.</summary>
    public string? PayloadOff { get; set; }

    /// <summary>Every problem, each with its key relative to the output's section (e.g. <c>maxRate</c>, <c>tls:keyFile</c>).</summary>
    public IReadOnlyList<OptionError> Validate()
    {
        var errors = new List<OptionError>(Connection.Validate());
        if (Lights.Count == 0)
        {
            errors.Add(new("lights", "needs at least one light"));
        }

        if (Lights.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(new("lights", "a light name is empty"));
        }

        var topic = Topic ?? PresetWriter.DefaultTopicOrNull(Preset);
        if (topic is null)
        {
            errors.Add(new("topic", $"the {Preset.ToString().ToLowerInvariant()} preset needs a topic"));
        }
        else if (topic.Length == 0 || topic.Contains('#', StringComparison.Ordinal) || topic.Contains('+', StringComparison.Ordinal))
        {
            errors.Add(new("topic", $"'{topic}' is not a topic to publish to (empty, or has a # or + wildcard)"));
        }
        else if (Lights.Count > 1 && !topic.Contains("{light}", StringComparison.Ordinal))
        {
            errors.Add(new("topic", $"'{topic}' must contain {{light}} when the output drives {Lights.Count} lights"));
        }

        if (Transition is < 0 or > 3600 || double.IsNaN(Transition))
        {
            errors.Add(new("transition", $"{Transition} is not 0-3600 seconds"));
        }

        if (MaxRate is <= 0 or > 100 || double.IsNaN(MaxRate))
        {
            errors.Add(new("maxRate", $"{MaxRate} is not within (0, 100] messages per second"));
        }

        if (DeadBand is < 0 or > 1 || double.IsNaN(DeadBand))
        {
            errors.Add(new("deadBand", $"{DeadBand} is not an OKLab distance within 0-1"));
        }

        if (KeepAlive is < 1 or > 86400 || double.IsNaN(KeepAlive))
        {
            errors.Add(new("keepAlive", $"{KeepAlive} is not 1-86400 seconds"));
        }

        ValidateTemplate(errors);
        return errors;
    }

    private void ValidateTemplate(List<OptionError> errors)
    {
        if (Preset != MqttPreset.Template)
        {
            if (Payload is not null || PayloadOff is not null)
            {
                errors.Add(new(Payload is not null ? "payload" : "payloadOff", "only the template preset takes a payload"));
            }

            return;
        }

        if (Payload is null)
        {
            errors.Add(new("payload", $"the template preset needs a payload, e.g. '{{\"color\":\"{{hex}}\"}}' (placeholders: {string.Join(", ", PayloadTemplate.Names)})"));
        }
        else if (!PayloadTemplate.TryParse(Payload, out _, out var error))
        {
            errors.Add(new("payload", $"'{Payload}' {error}"));
        }

        if (PayloadOff is not null && !PayloadTemplate.TryParse(PayloadOff, out _, out var offError))
        {
            errors.Add(new("payloadOff", $"'{PayloadOff}' {offError}"));
        }

        if (Topic is not null && Topic.Replace("{light}", string.Empty, StringComparison.Ordinal).Contains('{', StringComparison.Ordinal))
        {
            errors.Add(new("topic", $"'{Topic}' may only use the {{light}} placeholder"));
        }
    }

    /// <summary><see cref="Validate()"/> for the config binder, each problem at its key.</summary>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext) =>
        Validate().Select(e => new ValidationResult(e.Message, [e.Key]));
}
