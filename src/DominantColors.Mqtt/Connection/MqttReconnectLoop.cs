using DominantColors.Outputs;
using Microsoft.Extensions.Logging;

namespace DominantColors.Mqtt.Connection;

/// <summary>
/// The <see cref="ReconnectLoop"/> of an MQTT client (a color output or the Home Assistant bridge): connect failures
/// back off from <c>firstRetry</c> doubling to 30 s with jitter, the first logged as a warning with the delay and the
/// rest at Debug; a lost broker is logged and reconnected at once. Each change shows in the client's
/// <see cref="SinkStatus"/> and is raised as a <see cref="ConnectionEvent"/>.
/// </summary>
internal static class MqttReconnectLoop
{
    public static ReconnectLoop Create(
        string client,
        MqttConnectionOptions connection,
        MqttClientLoopContext context,
        Func<CancellationToken, Task> connectAsync,
        Func<CancellationToken, Task> pumpAsync)
    {
        var broker = connection.Broker;
        var port = connection.EffectivePort;
        var logger = context.Logger;
        var status = context.Status;
        var changed = context.Changed;
        var backoff = new ReconnectBackoff(context.FirstRetry, ReconnectBackoff.DefaultMax, context.Time, ReconnectBackoff.NetworkJitter)
        {
            FirstFailure = f => Log.ConnectFailed(logger, client, broker, port, f.Delay, f.Error!),
            RepeatedFailure = f => Log.ConnectStillFailing(logger, client, broker, port, f.Delay, f.Reason),
        };
        return new ReconnectLoop(backoff, connectAsync, pumpAsync)
        {
            Connected = () =>
            {
                Log.Connected(logger, client, broker, port);
                status.ReportConnected();
                changed(ConnectionEvent.Connected);
            },
            ConnectFailed = ex =>
            {
                status.ReportFault($"cannot connect to {broker}:{port}: {ex.Message}");
                changed(ConnectionEvent.ConnectFailed);
            },
            Lost = ex =>
            {
                var lost = ex is OperationCanceledException;
                Log.ConnectionLost(logger, client, broker, port, lost ? null : ex);
                status.ReportFault(lost ? $"lost the connection to {broker}:{port}" : $"lost the connection to {broker}:{port}: {ex.Message}");
                changed(ConnectionEvent.Lost);
            },
        };
    }
}
