using Microsoft.Extensions.Logging;

namespace DominantColors.Mqtt;

/// <summary>Every log line of the MQTT output and the Home Assistant bridge (event ids 3000-3019).</summary>
internal static partial class Log
{
    [LoggerMessage(MqttEventIds.Connected, LogLevel.Information, "{Client}: connected to MQTT broker {Broker}:{Port}")]
    public static partial void Connected(ILogger logger, string client, string broker, int port);

    [LoggerMessage(MqttEventIds.ConnectFailed, LogLevel.Warning, "{Client}: cannot connect to MQTT broker {Broker}:{Port}, retrying with backoff (next in {Delay})")]
    public static partial void ConnectFailed(ILogger logger, string client, string broker, int port, TimeSpan delay, Exception exception);

    [LoggerMessage(MqttEventIds.ConnectStillFailing, LogLevel.Debug, "{Client}: still cannot connect to MQTT broker {Broker}:{Port} (next try in {Delay}): {Reason}")]
    public static partial void ConnectStillFailing(ILogger logger, string client, string broker, int port, TimeSpan delay, string reason);

    [LoggerMessage(MqttEventIds.ConnectionLost, LogLevel.Warning, "{Client}: lost MQTT broker {Broker}:{Port}; colors are dropped until it is back")]
    public static partial void ConnectionLost(ILogger logger, string client, string broker, int port, Exception? exception);

    [LoggerMessage(MqttEventIds.Published, LogLevel.Debug, "{Client}: published {Topic}")]
    public static partial void Published(ILogger logger, string client, string topic);

    [LoggerMessage(MqttEventIds.CommandIgnored, LogLevel.Warning, "Home Assistant: ignored command on {Topic}: {Reason}")]
    public static partial void CommandIgnored(ILogger logger, string topic, string reason);

    [LoggerMessage(MqttEventIds.CommandApplied, LogLevel.Information, "Home Assistant: {Command} set to {Value}")]
    public static partial void CommandApplied(ILogger logger, string command, string value);

    [LoggerMessage(MqttEventIds.CommandFailed, LogLevel.Warning, "Home Assistant: applying {Command} failed")]
    public static partial void CommandFailed(ILogger logger, string command, Exception exception);

    [LoggerMessage(MqttEventIds.GoodbyeFailed, LogLevel.Debug, "Home Assistant: could not say offline before disconnecting; the broker's last will does")]
    public static partial void GoodbyeFailed(ILogger logger, Exception exception);

    [LoggerMessage(MqttEventIds.MqttRestored, LogLevel.Information, "{Sink}: restored the lights' previous state ({Commands} message(s))")]
    public static partial void MqttRestored(ILogger logger, string sink, int commands);

    [LoggerMessage(MqttEventIds.MqttRestoreFailed, LogLevel.Warning, "{Sink}: could not restore the lights' previous state")]
    public static partial void MqttRestoreFailed(ILogger logger, string sink, Exception exception);

    [LoggerMessage(MqttEventIds.MqttStateUnheard, LogLevel.Information, "{Sink}: light {Light} reported no state on {Topics} before the first color (waited up to {Wait}); it will stay as the stream leaves it")]
    public static partial void MqttStateUnheard(ILogger logger, string sink, string light, string topics, TimeSpan wait);
}
