using Microsoft.Extensions.Logging;

namespace DominantColors;

/// <summary>The daemon's log events (ids 100-999).</summary>
internal static partial class Log
{
    [LoggerMessage(DaemonEventIds.SourceStarted, LogLevel.Information, "Source {Source} started; waiting for its first frame")]
    public static partial void SourceStarted(ILogger logger, string source);

    [LoggerMessage(DaemonEventIds.FirstFrame, LogLevel.Information, "First frame from {Source}; {Lights} lights to {Sinks} sinks")]
    public static partial void FirstFrame(ILogger logger, string source, int lights, int sinks);

    [LoggerMessage(DaemonEventIds.NoFirstFrame, LogLevel.Warning, "No frame from {Source} within {Seconds} s of start; reporting ready anyway and waiting on")]
    public static partial void NoFirstFrame(ILogger logger, string source, double seconds);

    [LoggerMessage(DaemonEventIds.SourceFailed, LogLevel.Error, "Source {Source} failed; restarting it in {Seconds} s")]
    public static partial void SourceFailed(ILogger logger, string source, double seconds, Exception exception);

    [LoggerMessage(DaemonEventIds.SourceEnded, LogLevel.Warning, "Source {Source} ended; as with the TV off, the lights fade out {OffAfterSeconds} s after its last frame (over {FadeSeconds} s) and stay off until the daemon is restarted")]
    public static partial void SourceEnded(ILogger logger, string source, double offAfterSeconds, double fadeSeconds);

    [LoggerMessage(DaemonEventIds.SinkFailed, LogLevel.Error, "Sink {Sink} failed; retrying with backoff (logged once until it recovers)")]
    public static partial void SinkFailed(ILogger logger, string sink, Exception exception);

    [LoggerMessage(DaemonEventIds.SinkRecovered, LogLevel.Information, "Sink {Sink} is running again")]
    public static partial void SinkRecovered(ILogger logger, string sink);

    [LoggerMessage(DaemonEventIds.SinkRestoreFailed, LogLevel.Warning, "Sink {Sink} could not restore the lights' previous state")]
    public static partial void SinkRestoreFailed(ILogger logger, string sink, Exception exception);

    [LoggerMessage(DaemonEventIds.FramesDropped, LogLevel.Warning, "{Count} frames dropped in the last interval: analysis is slower than the source")]
    public static partial void FramesDropped(ILogger logger, long count);

    [LoggerMessage(DaemonEventIds.FrameFailed, LogLevel.Error, "Analysis failed on a frame; skipping it")]
    public static partial void FrameFailed(ILogger logger, Exception exception);

    [LoggerMessage(DaemonEventIds.PipelineFatal, LogLevel.Critical, "The pipeline stopped on a fault it cannot recover from")]
    public static partial void PipelineFatal(ILogger logger, Exception exception);

    [LoggerMessage(DaemonEventIds.ConfigReloaded, LogLevel.Information, "Configuration {Path} reloaded; applied live: smoothing, calibration, lights")]
    public static partial void ConfigReloaded(ILogger logger, string path);

    [LoggerMessage(DaemonEventIds.ConfigReloadInvalid, LogLevel.Error, "Configuration {Path} was changed but is invalid; the running configuration stays:\n{Errors}")]
    public static partial void ConfigReloadInvalid(ILogger logger, string path, string errors);

    [LoggerMessage(DaemonEventIds.ConfigNeedsRestart, LogLevel.Warning, "Configuration {Path} changed {What}, which needs a restart; the rest was applied")]
    public static partial void ConfigNeedsRestart(ILogger logger, string path, string what);

    [LoggerMessage(DaemonEventIds.ConfigWatchUnavailable, LogLevel.Warning, "Cannot watch {Directory} for changes ({Reason}); checking the config file every few seconds instead")]
    public static partial void ConfigWatchUnavailable(ILogger logger, string directory, string reason);

    [LoggerMessage(DaemonEventIds.WatchdogPing, LogLevel.Debug, "Watchdog ping; {Frames} frames so far")]
    public static partial void WatchdogPing(ILogger logger, long frames);
}
