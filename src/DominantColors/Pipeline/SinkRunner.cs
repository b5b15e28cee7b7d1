using DominantColors.Outputs;
using Microsoft.Extensions.Logging;

namespace DominantColors.Pipeline;

/// <summary>
/// Runs one sink on its own task and isolates it. The sink mends its own device's faults (reconnects, re-handshakes)
/// and never throws for them; a sink that throws anyway (a bug, or a fault it does not know) or returns before
/// shutdown is logged once per episode, reported as a fault in its <see cref="SinkStatus"/>, and started again after
/// a <see cref="ReconnectBackoff"/> (1 s doubling to 30 s); it never touches the analysis loop or the other sinks.
/// </summary>
internal static class SinkRunner
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);

    /// <summary>A run that lasted this long counts as recovered: the next failure is a new episode.</summary>
    private static readonly TimeSpan HealthyRun = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(SinkRoute route, ILogger logger, TimeProvider time, CancellationToken cancellationToken)
    {
        var backoff = new ReconnectBackoff(FirstBackoff, ReconnectBackoff.DefaultMax, time)
        {
            FirstFailure = f => Log.SinkFailed(logger, route.Sink.Name, f.Error!),
        };
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            try
            {
                await route.Sink.RunAsync(route.Feed, cancellationToken).ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                throw new InvalidOperationException($"Sink {route.Sink.Name} returned before shutdown.");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                route.Sink.Status.ReportFault(ex.Message);
                if (time.GetElapsedTime(started) >= HealthyRun)
                {
                    backoff.Reset();
                }

                if (!await backoff.FailAndWaitAsync(ex, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
    }
}
