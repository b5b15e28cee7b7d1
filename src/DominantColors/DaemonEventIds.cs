namespace DominantColors;

/// <summary>
/// The event id of every log message of the daemon (pipeline, configuration, Home Assistant control, web preview), one
/// constant per <c>Log</c> method of the same name. The ids are stable, so a log pipeline (journald, OpenTelemetry) and
/// the tests can select messages by them.
/// </summary>
internal static class DaemonEventIds
{
    public const int SourceStarted = 100;

    public const int FirstFrame = 101;

    public const int NoFirstFrame = 102;

    public const int SourceFailed = 103;

    public const int SourceEnded = 104;

    public const int SinkFailed = 110;

    public const int SinkRecovered = 111;

    public const int SinkRestoreFailed = 112;

    public const int FramesDropped = 120;

    public const int FrameFailed = 121;

    public const int PipelineFatal = 122;

    public const int ConfigReloaded = 130;

    public const int ConfigReloadInvalid = 131;

    public const int ConfigNeedsRestart = 132;

    public const int ConfigWatchUnavailable = 133;

    public const int WatchdogPing = 140;

    public const int HomeAssistantStopped = 600;

    public const int WebListening = 700;
}
