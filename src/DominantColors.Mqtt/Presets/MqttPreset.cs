namespace DominantColors.Mqtt.Presets;

/// <summary>The device families whose MQTT color commands the <c>mqtt</c> output speaks (YAML key <c>preset</c>).</summary>
public enum MqttPreset
{
    /// <summary>
    /// WLED: <c>&lt;topic&gt;/col</c> with <c>#RRGGBB</c> and <c>OFF</c>/<c>ON</c> on <c>&lt;topic&gt;</c>, or
    /// <c>&lt;topic&gt;/api</c> JSON for instant changes.
    /// </summary>
    Wled,

    /// <summary>Zigbee2MQTT: <c>&lt;topic&gt;/set</c> JSON with color (xy or hex), brightness and transition.</summary>
    Zigbee2Mqtt,

    /// <summary>Tasmota: <c>cmnd/&lt;topic&gt;/Color</c>, with Fade and Speed set once per connection.</summary>
    Tasmota,

    /// <summary>A Home Assistant MQTT JSON-schema light: <c>&lt;topic&gt;/set</c>.</summary>
    HomeAssistant,

    /// <summary>
    /// ESPHome in MQTT mode: <c>&lt;topic&gt;/command</c>, the JSON light schema with whole-second transitions;
    /// <c>{light}</c> in the topic is the light's ESPHome object id.
    /// </summary>
    Esphome,

    /// <summary>The user's own topic and payload with placeholders.</summary>
    Template,
}
