namespace DominantColors.Mqtt;

/// <summary>
/// The event id of every log message of the MQTT output and the Home Assistant bridge, one constant per
/// <c>Log</c> method of the same name. The ids are stable, so a log pipeline (journald, OpenTelemetry) and the tests
/// can select messages by them.
/// </summary>
public static class MqttEventIds
{
    public const int Connected = 3000;

    public const int ConnectFailed = 3001;

    public const int ConnectStillFailing = 3002;

    public const int ConnectionLost = 3003;

    public const int Published = 3004;

    public const int CommandIgnored = 3010;

    public const int CommandApplied = 3011;

    public const int CommandFailed = 3012;

    public const int GoodbyeFailed = 3013;

    public const int MqttRestored = 3014;

    public const int MqttRestoreFailed = 3015;

    public const int MqttStateUnheard = 3016;
}
