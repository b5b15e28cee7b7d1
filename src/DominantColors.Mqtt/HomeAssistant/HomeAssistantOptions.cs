using DominantColors.Mqtt.Connection;

namespace DominantColors.Mqtt.HomeAssistant;

/// <summary>The broker and names for Home Assistant discovery and control.</summary>
public sealed class HomeAssistantOptions
{
    public MqttConnectionOptions Connection { get; } = new();

    /// <summary><c>discoveryPrefix</c>: Home Assistant's discovery prefix.</summary>
    public string DiscoveryPrefix { get; set; } = "homeassistant";

    /// <summary><c>nodeId</c>: the device id in Home Assistant, <c>[a-zA-Z0-9_-]</c>; also names the topics.</summary>
    public string NodeId { get; set; } = "dominant_colors";

    /// <summary><c>deviceName</c>: the device's name in Home Assistant.</summary>
    public string DeviceName { get; set; } = "Ambient light";

    /// <summary>The daemon's own topics: availability, state, commands.</summary>
    public string BaseTopic => $"dominant-colors/{NodeId}";

    public IReadOnlyList<OptionError> Validate()
    {
        var errors = new List<OptionError>(Connection.Validate());
        if (NodeId.Length == 0 || !NodeId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            errors.Add(new("nodeId", $"'{NodeId}' may only use letters, digits, _ and -"));
        }

        if (DiscoveryPrefix.Length == 0 || DiscoveryPrefix.Contains('#', StringComparison.Ordinal) || DiscoveryPrefix.Contains('+', StringComparison.Ordinal))
        {
            errors.Add(new("discoveryPrefix", $"'{DiscoveryPrefix}' is not a topic prefix"));
        }

        return errors;
    }
}
