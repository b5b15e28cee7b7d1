using DominantColors.Outputs;
using Microsoft.Extensions.Logging;

namespace DominantColors.Pipeline;

/// <summary>
/// Runs one sink on its own task: a sink that throws is logged once per episode, reported as a fault in its
/// <see cref="SinkStatus"/>, and started again after a backoff (1 s doubling to 30 s); it never touches the analysis
/// loop or the other sinks.
/// </summary>
internal static class SinkRunner
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>A run that lasted this long counts as recovered: the next failure is a new episode.</summary>
    private static readonly TimeSpan HealthyRun = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(SinkRoute route, ILogger logger, TimeProvider time, CancellationToken cancellationToken)
    {
        var backoff = FirstBackoff;
        var failing = false;
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
                    failing = false;
                    backoff = FirstBackoff;
                }

                if (!failing)
                {
                    failing = true;
                    Log.SinkFailed(logger, route.Sink.Name, ex);
                }
            }

            try
            {
                await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
        }
    }
}
