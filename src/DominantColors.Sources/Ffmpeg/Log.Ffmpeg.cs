using Microsoft.Extensions.Logging;

namespace DominantColors.Sources;

/// <summary>Logs of the ffmpeg source (event ids 1400-1449).</summary>
internal static partial class Log
{
    [LoggerMessage(SourceEventIds.FfmpegStarted, LogLevel.Debug, "Source {Source}: started ffmpeg (pid {ProcessId}): ffmpeg {Arguments}")]
    public static partial void FfmpegStarted(ILogger logger, string source, int processId, string arguments);

    [LoggerMessage(SourceEventIds.FfmpegRestarting, LogLevel.Warning, "Source {Source}: ffmpeg {Reason} (exit code {ExitCode}) after {Frames} frames; restarting in {Delay}. ffmpeg's last error: {LastError}")]
    public static partial void FfmpegRestarting(ILogger logger, string source, string reason, int exitCode, long frames, TimeSpan delay, string lastError);

    [LoggerMessage(SourceEventIds.FfmpegInputEnded, LogLevel.Information, "Source {Source}: the input ended after {Frames} frames")]
    public static partial void FfmpegInputEnded(ILogger logger, string source, long frames);

    [LoggerMessage(SourceEventIds.FfmpegStartFailed, LogLevel.Error, "Source {Source}: {Executable} could not be started: {Reason}")]
    public static partial void FfmpegStartFailed(ILogger logger, string source, string executable, string reason);

    [LoggerMessage(SourceEventIds.FfmpegSupervisionFailed, LogLevel.Error, "Source {Source}: supervising ffmpeg failed; the source has stopped")]
    public static partial void FfmpegSupervisionFailed(ILogger logger, string source, Exception exception);

    [LoggerMessage(SourceEventIds.FfmpegStillRestarting, LogLevel.Debug, "Source {Source}: ffmpeg {Reason} again (exit code {ExitCode}) after {Frames} frames, restart {Attempt} in a row; next in {Delay}. ffmpeg's last error: {LastError}")]
    public static partial void FfmpegStillRestarting(ILogger logger, string source, string reason, int exitCode, long frames, int attempt, TimeSpan delay, string lastError);
}
