namespace DominantColors.Testing.Mqtt;

internal readonly record struct ReceivedMessage(string Topic, string Payload, bool Retain);
