using System.Diagnostics.Metrics;
using DominantColors.Configuration;
using DominantColors.Monitoring;
using DominantColors.Pipeline;
using DominantColors.Web.Preview;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DominantColors.Web;

internal static class WebServiceCollectionExtensions
{
    /// <summary>
    /// The <c>web:</c> section and what the preview, <c>/metrics</c> and <c>/healthz</c> read: the preview exchange the
    /// pipeline fills, the outputs' states the pipeline registers, the meter listener, and the server itself.
    /// </summary>
    public static IServiceCollection AddWebPreview(this IServiceCollection services)
    {
        services.AddConfigSection<WebOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PreviewExchange(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<OutputStates>();
        services.AddSingleton(sp => new MetricsCollector(
            sp.GetRequiredService<TimeProvider>(), MetricsCollector.DaemonMeterPrefix, sp.GetRequiredService<IMeterFactory>()));
        services.AddSingleton<WebPreviewService>();
        services.AddHostedService(sp => sp.GetRequiredService<WebPreviewService>());
        return services;
    }
}
