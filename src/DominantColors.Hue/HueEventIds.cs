namespace DominantColors.Hue;

/// <summary>
/// The event id of every log message of the Hue outputs, one constant per <c>Log</c> method of the same name. The ids
/// are stable, so a log pipeline (journald, OpenTelemetry) and the tests can select messages by them.
/// </summary>
public static class HueEventIds
{
    public const int SinkFailed = 2000;

    public const int SinkRecovered = 2001;

    public const int BridgeBusy = 2002;

    public const int StreamStarted = 2003;

    public const int StreamStopped = 2004;

    public const int AreaTakenOver = 2005;

    public const int StreamPaused = 2006;

    public const int IdentityFallback = 2007;

    public const int RestoreFailed = 2008;

    public const int LightCommandSent = 2009;

    public const int Restored = 2010;

    public const int StreamLost = 2011;

    public const int FramesSkipped = 2012;

    public const int StreamThreadScheduling = 2013;

    public const int AreaInUse = 2014;

    public const int AreaFree = 2015;
}
