namespace DominantColors.Wled;

/// <summary>
/// The event id of every log message of the WLED output, one constant per <c>Log</c> method of the same name. The ids
/// are stable, so a log pipeline (journald, OpenTelemetry) and the tests can select messages by them.
/// </summary>
public static class WledEventIds
{
    public const int WledStreaming = 3020;

    public const int WledSendFailed = 3021;

    public const int WledJsonFailed = 3022;

    public const int WledRestored = 3023;

    public const int WledRecovered = 3024;
}
