using DominantColors.Control;
using DominantColors.Monitoring;
using DominantColors.Pipeline;
using DominantColors.Web.Preview;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>Gathers the daemon's shared objects (registered by <see cref="WebServiceCollectionExtensions.AddWebPreview"/>).</summary>
    public static WebState Create(IServiceProvider services, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var time = services.GetRequiredService<TimeProvider>();
        var preview = services.GetRequiredService<PreviewExchange>();
        var outputs = services.GetRequiredService<OutputStates>();
        return new WebState
        {
            Preview = preview,
            Settings = services.GetRequiredService<AmbientSettings>(),
            Outputs = outputs,
            Metrics = services.GetRequiredService<MetricsCollector>(),
            Health = new HealthCheck(preview, outputs, time),
            Token = new AccessToken(options.Token),
            Time = time,
            StartedAt = time.GetTimestamp(),
        };
    }
}
