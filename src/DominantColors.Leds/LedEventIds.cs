namespace DominantColors.Leds;

/// <summary>
/// The event id of every log message of the LED strip outputs, one constant per <c>Log</c> method of the same name. The
/// ids are stable, so a log pipeline (journald, OpenTelemetry) and the tests can select messages by them.
/// </summary>
public static class LedEventIds
{
    public const int Streaming = 4000;

    public const int SendFailed = 4001;

    public const int Recovered = 4002;

    public const int Stopped = 4003;

    public const int StopFailed = 4004;
}
