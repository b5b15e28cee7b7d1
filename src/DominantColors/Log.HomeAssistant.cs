using Microsoft.Extensions.Logging;

namespace DominantColors;

/// <summary>The Home Assistant service's events (600-609).</summary>
internal static partial class Log
{
    [LoggerMessage(DaemonEventIds.HomeAssistantStopped, LogLevel.Error, "Home Assistant control stopped on an unexpected fault; the lights keep running, Home Assistant control returns after a restart")]
    public static partial void HomeAssistantStopped(ILogger logger, Exception exception);
}
