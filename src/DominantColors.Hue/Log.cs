using Microsoft.Extensions.Logging;

namespace DominantColors.Hue;

/// <summary>Every log line of the Hue adapter (event ids 2000-2999). Secrets are never parameters.</summary>
internal static partial class Log
{
    [LoggerMessage(HueEventIds.SinkFailed, LogLevel.Warning, "{Sink}: {Reason}; retrying in {Delay}")]
    public static partial void SinkFailed(ILogger logger, string sink, string reason, TimeSpan delay, Exception exception);

    [LoggerMessage(HueEventIds.SinkRecovered, LogLevel.Information, "{Sink}: working again after {Failures} failed attempts")]
    public static partial void SinkRecovered(ILogger logger, string sink, int failures);

    [LoggerMessage(HueEventIds.BridgeBusy, LogLevel.Warning, "{Sink}: bridge is busy ({Reason}); pausing light commands for {Delay}")]
    public static partial void BridgeBusy(ILogger logger, string sink, string reason, TimeSpan delay);

    [LoggerMessage(HueEventIds.StreamStarted, LogLevel.Information, "{Sink}: streaming to entertainment area '{Area}' ({Channels} channels) at {Rate} Hz")]
    public static partial void StreamStarted(ILogger logger, string sink, string area, int channels, double rate);

    [LoggerMessage(HueEventIds.StreamStopped, LogLevel.Information, "{Sink}: released entertainment area '{Area}'")]
    public static partial void StreamStopped(ILogger logger, string sink, string area);

    [LoggerMessage(HueEventIds.AreaTakenOver, LogLevel.Warning, "{Sink}: entertainment area '{Area}' was in use by application {Other}; taking it over")]
    public static partial void AreaTakenOver(ILogger logger, string sink, string area, string other);

    [LoggerMessage(HueEventIds.StreamPaused, LogLevel.Information, "{Sink}: colors have been black for {Duration}; pausing the stream until they return")]
    public static partial void StreamPaused(ILogger logger, string sink, TimeSpan duration);

    [LoggerMessage(HueEventIds.IdentityFallback, LogLevel.Information, "{Sink}: the bridge refused the application id as DTLS identity; trying the application key")]
    public static partial void IdentityFallback(ILogger logger, string sink);

    [LoggerMessage(HueEventIds.RestoreFailed, LogLevel.Warning, "{Sink}: could not restore the lights' previous state")]
    public static partial void RestoreFailed(ILogger logger, string sink, Exception exception);

    [LoggerMessage(HueEventIds.LightCommandSent, LogLevel.Debug, "{Sink}: light {Light} <- {Attributes} attribute(s)")]
    public static partial void LightCommandSent(ILogger logger, string sink, string light, int attributes);

    [LoggerMessage(HueEventIds.Restored, LogLevel.Information, "{Sink}: restored the previous state of {Count} light(s)")]
    public static partial void Restored(ILogger logger, string sink, int count);

    [LoggerMessage(HueEventIds.StreamLost, LogLevel.Warning, "{Sink}: the bridge stopped entertainment area '{Area}' without telling the stream; starting over")]
    public static partial void StreamLost(ILogger logger, string sink, string area);

    [LoggerMessage(HueEventIds.FramesSkipped, LogLevel.Debug, "{Sink}: skipped {Skipped} late frame slot(s) out of {Sent} sent")]
    public static partial void FramesSkipped(ILogger logger, string sink, long skipped, long sent);

    [LoggerMessage(HueEventIds.StreamThreadScheduling, LogLevel.Debug, "{Sink}: stream thread scheduling: {Policy}")]
    public static partial void StreamThreadScheduling(ILogger logger, string sink, string policy);

    [LoggerMessage(HueEventIds.AreaInUse, LogLevel.Information, "{Sink}: entertainment area '{Area}' is in use by application {Owner}; leaving it alone until it is free (takeOver: false)")]
    public static partial void AreaInUse(ILogger logger, string sink, string area, string owner);

    [LoggerMessage(HueEventIds.AreaFree, LogLevel.Information, "{Sink}: entertainment area '{Area}' is free again; starting it")]
    public static partial void AreaFree(ILogger logger, string sink, string area);
}
