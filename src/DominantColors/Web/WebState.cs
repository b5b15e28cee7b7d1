using DominantColors.Control;
using DominantColors.Web.Metrics;
using DominantColors.Web.StandIn;

namespace DominantColors.Web;

/// <summary>The daemon's shared objects the web endpoints read and, for the controls, change.</summary>
internal sealed class WebState
{
    public required PreviewExchange Preview { get; init; }

    /// <summary>The daemon's live controls, shared with the pipeline, the config reload and Home Assistant.</summary>
    public required AmbientSettings Settings { get; init; }

    public required OutputStates Outputs { get; init; }

    public required MetricsCollector Metrics { get; init; }

    public required HealthCheck Health { get; init; }

    public required AccessToken Token { get; init; }

    public required TimeProvider Time { get; init; }

    /// <summary>When the daemon started, in <see cref="TimeProvider.GetTimestamp"/> ticks.</summary>
    public required long StartedAt { get; init; }
}
