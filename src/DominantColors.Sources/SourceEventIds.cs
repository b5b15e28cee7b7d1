namespace DominantColors.Sources;

/// <summary>
/// The event id of every log message of the frame sources, one constant per <c>Log</c> method of the same name. The ids
/// are stable, so a log pipeline (journald, OpenTelemetry) and the tests can select messages by them.
/// </summary>
public static class SourceEventIds
{
    public const int FolderMissing = 1100;

    public const int FolderWatching = 1101;

    public const int ImageUnreadable = 1102;

    public const int ImageShown = 1103;

    public const int WatcherFailed = 1104;

    public const int FfmpegStarted = 1400;

    public const int FfmpegRestarting = 1401;

    public const int FfmpegInputEnded = 1402;

    public const int FfmpegStartFailed = 1403;

    public const int FfmpegSupervisionFailed = 1404;

    public const int FfmpegStillRestarting = 1405;

    public const int V4l2Streaming = 1450;

    public const int V4l2Waiting = 1451;

    public const int V4l2Lost = 1452;

    public const int V4l2StillFailing = 1453;

    public const int V4l2Recovered = 1454;

    public const int V4l2Unusable = 1455;

    public const int HyperionListening = 1500;

    public const int HyperionConnected = 1501;

    public const int HyperionRefused = 1502;

    public const int HyperionRegistered = 1503;

    public const int HyperionBadPriority = 1504;

    public const int HyperionMalformed = 1505;

    public const int HyperionTimedOut = 1506;

    public const int HyperionDisconnected = 1507;

    public const int HyperionNv12 = 1508;

    public const int HyperionAcceptFailed = 1509;

    public const int HyperionConnectionFailed = 1510;
}
