using System.Globalization;

namespace DominantColors.IntegrationTests.Faults;

/// <summary>
/// How long the MQTT broker stays down in the broker fault test: 3 s by default, so CI stays quick;
/// <c>FAULT_BROKER_OUTAGE_SECONDS=60</c> runs the full minute (the reconnect backoff then reaches its 30 s cap).
/// </summary>
internal static class BrokerOutage
{
    public const string Variable = "FAULT_BROKER_OUTAGE_SECONDS";

    public static TimeSpan Duration =>
        double.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(3);

    /// <summary>
    /// The reconnect attempt in progress when the broker returns is at most about twice the outage (delays double from
    /// 1 s), capped at 30 s, each +20 % jitter; plus mosquitto's start and the first publish.
    /// </summary>
    public static TimeSpan RecoveryBound(TimeSpan outage) =>
        TimeSpan.FromSeconds((1.2 * Math.Min(30, Math.Max(1, 2 * outage.TotalSeconds))) + 3);
}
