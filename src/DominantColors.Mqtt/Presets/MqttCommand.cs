namespace DominantColors.Mqtt.Presets;

/// <summary>One MQTT message to send: the topic and a payload that lives in the writer's reused buffer.</summary>
/// <remarks>The payload is valid only until the writer writes the same light again.</remarks>
internal readonly record struct MqttCommand(string Topic, ReadOnlyMemory<byte> Payload);
