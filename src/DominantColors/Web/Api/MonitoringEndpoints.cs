using System.Text;
using DominantColors.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DominantColors.Web.Api;

/// <summary><c>/healthz</c> for Docker and load balancers, <c>/metrics</c> for Prometheus.</summary>
internal static class MonitoringEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, WebState state)
    {
        // Open even with a token: it tells only healthy or not, and HEALTHCHECK probes carry no secrets.
        routes.MapGet("/healthz", context =>
        {
            var (healthy, reason) = state.Health.Evaluate();
            context.Response.StatusCode = healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            return context.Response.WriteAsync(reason + "\n", context.RequestAborted);
        });

        routes.MapGet("/metrics", async context =>
        {
            if (!await WebServer.AuthorizeAsync(context, state))
            {
                return;
            }

            state.Metrics.Observe();
            var text = new StringBuilder(4096);
            PrometheusText.Write(text, state.Metrics.Families);
            context.Response.ContentType = PrometheusText.ContentType;
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsync(text.ToString(), context.RequestAborted);
        });
    }
}
