using Microsoft.Extensions.Logging;

namespace DominantColors.Sources;

/// <summary>Logs of the V4L2 source (event ids 1450-1499).</summary>
internal static partial class Log
{
    [LoggerMessage(SourceEventIds.V4l2Streaming, LogLevel.Information, "Source {Source}: streaming {Format}")]
    public static partial void V4l2Streaming(ILogger logger, string source, string format);

    [LoggerMessage(SourceEventIds.V4l2Waiting, LogLevel.Warning, "Source {Source}: not available yet ({Reason}); waiting for it")]
    public static partial void V4l2Waiting(ILogger logger, string source, string reason);

    [LoggerMessage(SourceEventIds.V4l2Lost, LogLevel.Warning, "Source {Source}: lost ({Reason}); reopening in {Delay}, then with backoff")]
    public static partial void V4l2Lost(ILogger logger, string source, string reason, TimeSpan delay);

    [LoggerMessage(SourceEventIds.V4l2StillFailing, LogLevel.Debug, "Source {Source}: still failing ({Reason}); next try in {Delay}")]
    public static partial void V4l2StillFailing(ILogger logger, string source, string reason, TimeSpan delay);

    [LoggerMessage(SourceEventIds.V4l2Recovered, LogLevel.Information, "Source {Source}: frames are arriving again")]
    public static partial void V4l2Recovered(ILogger logger, string source);

    [LoggerMessage(SourceEventIds.V4l2Unusable, LogLevel.Error, "Source {Source}: cannot be read: {Reason}")]
    public static partial void V4l2Unusable(ILogger logger, string source, string reason);
}
