using Microsoft.Extensions.Logging;

namespace DominantColors.Mqtt;

/// <summary>Every log line of the MQTT output and the Home Assistant bridge (event ids 3000-3019).</summary>
internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Information, "{Client}: connected to MQTT broker {Broker}:{Port}")]
    public static partial void Connected(ILogger logger, string client, string broker, int port);

    [LoggerMessage(3001, LogLevel.Warning, "{Client}: cannot connect to MQTT broker {Broker}:{Port}, retrying with backoff (next in {Delay})")]
    public static partial void ConnectFailed(ILogger logger, string client, string broker, int port, TimeSpan delay, Exception exception);

    [LoggerMessage(3002, LogLevel.Debug, "{Client}: still cannot connect to MQTT broker {Broker}:{Port} (next try in {Delay}): {Reason}")]
    public static partial void ConnectStillFailing(ILogger logger, string client, string broker, int port, TimeSpan delay, string reason);

    [LoggerMessage(3003, LogLevel.Warning, "{Client}: lost MQTT broker {Broker}:{Port}; colors are dropped until it is back")]
    public static partial void ConnectionLost(ILogger logger, string client, string broker, int port, Exception? exception);

    [LoggerMessage(3004, LogLevel.Debug, "{Client}: published {Topic}")]
    public static partial void Published(ILogger logger, string client, string topic);

    [LoggerMessage(3010, LogLevel.Warning, "Home Assistant: ignored command on {Topic}: {Reason}")]
    public static partial void CommandIgnored(ILogger logger, string topic, string reason);

    [LoggerMessage(3011, LogLevel.Information, "Home Assistant: {Command} set to {Value}")]
    public static partial void CommandApplied(ILogger logger, string command, string value);

    [LoggerMessage(3012, LogLevel.Warning, "Home Assistant: applying {Command} failed")]
    public static partial void CommandFailed(ILogger logger, string command, Exception exception);

    [LoggerMessage(3013, LogLevel.Debug, "Home Assistant: could not say offline before disconnecting; the broker's last will does")]
    public static partial void GoodbyeFailed(ILogger logger, Exception exception);

    [LoggerMessage(3014, LogLevel.Information, "{Sink}: restored the lights' previous state ({Commands} message(s))")]
    public static partial void MqttRestored(ILogger logger, string sink, int commands);

    [LoggerMessage(3015, LogLevel.Warning, "{Sink}: could not restore the lights' previous state")]
    public static partial void MqttRestoreFailed(ILogger logger, string sink, Exception exception);

    [LoggerMessage(3016, LogLevel.Information, "{Sink}: light {Light} reported no state on {Topics} before the first color (waited up to {Wait}); it will stay as the stream leaves it")]
    public static partial void MqttStateUnheard(ILogger logger, string sink, string light, string topics, TimeSpan wait);
}
