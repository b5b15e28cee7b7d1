using DominantColors.Pipeline;
using DominantColors.Web.Preview;

namespace DominantColors.Monitoring;

/// <summary>
/// Healthy only while frames flow (one analysed within <see cref="FrameTimeout"/>) and every output is connected or
/// stands aside on purpose (<see cref="Outputs.SinkStatus.Waiting"/>: its device answers but another application owns
/// it, which the answer names): what <c>/healthz</c> answers with 200 or 503, and what a Docker HEALTHCHECK or a load
/// balancer acts on.
/// </summary>
internal sealed class HealthCheck(PreviewExchange frames, OutputStates outputs, TimeProvider time)
{
    /// <summary>How long without an analysed frame before the daemon counts as unhealthy.</summary>
    public TimeSpan FrameTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether the daemon is healthy, and if not, why (naming the output or the time without frames).</summary>
    public (bool Healthy, string Reason) Evaluate()
    {
        var last = frames.LastFrameTimestamp;
        if (last == 0)
        {
            return (false, "no frame analysed yet");
        }

        var age = time.GetElapsedTime(last);
        if (age > FrameTimeout)
        {
            return (false, $"no frame analysed for {age.TotalSeconds:0.0} s (limit {FrameTimeout.TotalSeconds:0.#} s)");
        }

        string? waiting = null;
        foreach (var output in outputs.All)
        {
            if (output.Status.Waiting is { } why)
            {
                waiting ??= $"ok; output {output.Name} is waiting: {why}";
                continue;
            }

            if (!output.Status.Connected)
            {
                return (false, output.Status.LastError is { } error
                    ? $"output {output.Name} is not connected: {error}"
                    : $"output {output.Name} is not connected");
            }
        }

        return (true, waiting ?? "ok");
    }
}
