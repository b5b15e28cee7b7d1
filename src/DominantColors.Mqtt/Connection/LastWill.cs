namespace DominantColors.Mqtt.Connection;

/// <summary>What the broker publishes (retained) when the client vanishes without saying goodbye.</summary>
internal readonly record struct LastWill(string Topic, string Payload);
