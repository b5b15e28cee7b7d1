namespace DominantColors.Mqtt.Connection;

/// <summary>What happened to a client's broker connection.</summary>
internal enum ConnectionEvent
{
    Connected,
    ConnectFailed,
    Lost,
}
