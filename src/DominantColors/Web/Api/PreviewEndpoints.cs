using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DominantColors.Web.Api;

/// <summary>The preview page and its data: <c>/</c> with its script and style, <c>/api/status</c>, <c>/api/events</c>.</summary>
internal static class PreviewEndpoints
{
    /// <summary>How often an event stream looks for a new snapshot; snapshots themselves come at most 10 per second.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Without new frames a stream still sends the status this often, so the page sees fps drop and outputs fail.</summary>
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(1);

    private static readonly byte[] Retry = "retry: 2000\n\n"u8.ToArray();
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    public static void Map(IEndpointRouteBuilder routes, WebState state, PageAssets assets, CancellationToken stopping)
    {
        routes.MapGet("/", context =>
        {
            if (!state.Token.Admits(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.ContentType = "text/plain; charset=utf-8";
                return context.Response.WriteAsync("This preview needs the token: open /?token=YOUR_TOKEN (web.token in the config).\n", context.RequestAborted);
            }

            return assets.WriteAsync(context, "index.html");
        });
        routes.MapGet("/app.js", context => assets.WriteAsync(context, "app.js"));
        routes.MapGet("/app.css", context => assets.WriteAsync(context, "app.css"));

        routes.MapGet("/api/status", async context =>
        {
            if (!await WebServer.AuthorizeAsync(context, state))
            {
                return;
            }

            var document = new StatusReporter(state).Report(withFrame: context.Request.Query.ContainsKey("frame"));
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsJsonAsync(document, WebJsonContext.Default.StatusDocument, cancellationToken: context.RequestAborted);
        });

        routes.MapGet("/api/events", context => StreamAsync(context, state, stopping));
    }

    /// <summary>Server-sent events: one status document (with the thumbnail) per new snapshot, at most 10 per second.</summary>
    private static async Task StreamAsync(HttpContext context, WebState state, CancellationToken stopping)
    {
        if (!await WebServer.AuthorizeAsync(context, state))
        {
            return;
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var token = cancel.Token;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";

        using var watching = state.Preview.Watch();
        var reporter = new StatusReporter(state);

        // Each event is serialized into the same buffer: about 10 KB a tenth of a second that the GC never sees.
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using var json = new Utf8JsonWriter(buffer);
        using var timer = new PeriodicTimer(PollInterval, state.Time);
        long sentVersion = -1;
        long sentAt = 0;
        try
        {
            await response.Body.WriteAsync(Retry, token);
            await response.Body.FlushAsync(token);
            do
            {
                if (state.Preview.Version == sentVersion && state.Time.GetElapsedTime(sentAt) < KeepAliveInterval)
                {
                    continue;
                }

                var document = reporter.Report(withFrame: true);
                sentVersion = reporter.SnapshotVersion;
                sentAt = state.Time.GetTimestamp();
                buffer.ResetWrittenCount();
                json.Reset(buffer);
                JsonSerializer.Serialize(json, document, WebJsonContext.Default.StatusDocument);
                json.Flush();
                await response.Body.WriteAsync(DataPrefix, token);
                await response.Body.WriteAsync(buffer.WrittenMemory, token);
                await response.Body.WriteAsync(EventEnd, token);
                await response.Body.FlushAsync(token);
            }
            while (await timer.WaitForNextTickAsync(token));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The page went away or the daemon is stopping: the stream simply ends.
        }
    }
}
