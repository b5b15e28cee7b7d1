namespace DominantColors.Mqtt.Presets;

/// <summary>How a Zigbee2MQTT command carries the color (YAML key <c>color_format</c>).</summary>
public enum ZigbeeColorFormat
{
    /// <summary><c>{"x":…,"y":…}</c>: the daemon's own conversion wins.</summary>
    Xy,

    /// <summary><c>{"hex":"#RRGGBB"}</c>: Zigbee2MQTT converts.</summary>
    Hex,
}
