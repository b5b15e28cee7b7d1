using Microsoft.Extensions.Logging;

namespace DominantColors.Wled;

/// <summary>Every log line of the WLED output (event ids 3020-3039).</summary>
internal static partial class Log
{
    [LoggerMessage(WledEventIds.WledStreaming, LogLevel.Information, "{Sink}: streaming {Leds} LEDs to WLED {Host}:{Port} over {Protocol}")]
    public static partial void WledStreaming(ILogger logger, string sink, int leds, string host, int port, string protocol);

    [LoggerMessage(WledEventIds.WledSendFailed, LogLevel.Warning, "{Sink}: sending to WLED failed; retrying with backoff")]
    public static partial void WledSendFailed(ILogger logger, string sink, Exception exception);

    [LoggerMessage(WledEventIds.WledJsonFailed, LogLevel.Warning, "{Sink}: WLED JSON API {Url} failed; streaming without saving or restoring its state")]
    public static partial void WledJsonFailed(ILogger logger, string sink, Uri url, Exception exception);

    [LoggerMessage(WledEventIds.WledRestored, LogLevel.Information, "{Sink}: WLED state restored")]
    public static partial void WledRestored(ILogger logger, string sink);

    [LoggerMessage(WledEventIds.WledRecovered, LogLevel.Information, "{Sink}: WLED is reachable again")]
    public static partial void WledRecovered(ILogger logger, string sink);
}
