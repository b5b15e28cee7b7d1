namespace DominantColors.Mqtt.Tests.Fakes;

internal readonly record struct ReceivedMessage(string Topic, string Payload, bool Retain);
