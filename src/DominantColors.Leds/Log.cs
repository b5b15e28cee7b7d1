using Microsoft.Extensions.Logging;

namespace DominantColors.Leds;

/// <summary>Every log line of the LED outputs (event ids 4000-4999).</summary>
internal static partial class Log
{
    [LoggerMessage(LedEventIds.Streaming, LogLevel.Information, "{Sink}: streaming {Leds} LEDs to {Target}")]
    public static partial void Streaming(ILogger logger, string sink, int leds, string target);

    [LoggerMessage(LedEventIds.SendFailed, LogLevel.Warning, "{Sink}: sending to {Target} failed; retrying with backoff")]
    public static partial void SendFailed(ILogger logger, string sink, string target, Exception exception);

    [LoggerMessage(LedEventIds.Recovered, LogLevel.Information, "{Sink}: {Target} is reachable again")]
    public static partial void Recovered(ILogger logger, string sink, string target);

    [LoggerMessage(LedEventIds.Stopped, LogLevel.Information, "{Sink}: stopped; {Target} {Action}")]
    public static partial void Stopped(ILogger logger, string sink, string target, string action);

    [LoggerMessage(LedEventIds.StopFailed, LogLevel.Warning, "{Sink}: could not leave {Target} in its stopped state")]
    public static partial void StopFailed(ILogger logger, string sink, string target, Exception exception);
}
