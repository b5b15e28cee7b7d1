using Microsoft.Extensions.Logging;

namespace DominantColors.Sources;

/// <summary>Log events of the folder and pattern sources (ids 1100-1199; the rest of 1000-1999 is for other sources).</summary>
internal static partial class Log
{
    [LoggerMessage(SourceEventIds.FolderMissing, LogLevel.Warning, "Folder {Path} does not exist (yet); waiting for it to appear")]
    public static partial void FolderMissing(ILogger logger, string path);

    [LoggerMessage(SourceEventIds.FolderWatching, LogLevel.Information, "Watching folder {Path} for new images")]
    public static partial void FolderWatching(ILogger logger, string path);

    [LoggerMessage(SourceEventIds.ImageUnreadable, LogLevel.Warning, "Skipped {File}: {Reason}; it is tried again when it changes")]
    public static partial void ImageUnreadable(ILogger logger, string file, string reason);

    [LoggerMessage(SourceEventIds.ImageShown, LogLevel.Debug, "Showing {File}")]
    public static partial void ImageShown(ILogger logger, string file);

    [LoggerMessage(SourceEventIds.WatcherFailed, LogLevel.Warning, "Folder watcher failed; the periodic rescan keeps finding new images")]
    public static partial void WatcherFailed(ILogger logger, Exception exception);
}
