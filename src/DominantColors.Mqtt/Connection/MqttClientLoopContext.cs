using DominantColors.Outputs;
using Microsoft.Extensions.Logging;

namespace DominantColors.Mqtt.Connection;

/// <summary>What an MQTT client's <see cref="MqttReconnectLoop"/> reports to and waits on.</summary>
/// <param name="Time">The clock the backoff waits on.</param>
/// <param name="FirstRetry">The first wait after a failed connect (it doubles up to 30 s).</param>
/// <param name="Logger">Where connects, failures and losses are logged.</param>
/// <param name="Status">The client's status on the web page, <c>/healthz</c> and the output meters.</param>
/// <param name="Changed">Raises the client's connection event.</param>
internal sealed record MqttClientLoopContext(TimeProvider Time, TimeSpan FirstRetry, ILogger Logger, SinkStatus Status, Action<ConnectionEvent> Changed);
