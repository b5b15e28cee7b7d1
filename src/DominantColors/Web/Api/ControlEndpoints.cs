using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DominantColors.Control;
using DominantColors.Smoothing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DominantColors.Web.Api;

/// <summary>
/// The page's controls: <c>POST /api/ambient</c> <c>{"on": true}</c>, <c>POST /api/brightness</c>
/// <c>{"value": 0.8}</c>, <c>POST /api/smoothing</c> <c>{"intensity": "moderate"}</c>. Each changes the daemon's
/// settings object and answers with the new settings. Bodies must be JSON (a cross-site form cannot send that without
/// a preflight this server never grants), the token is checked when one is set, and a foreign <c>Origin</c> is refused.
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, WebState state)
    {
        routes.MapPost("/api/ambient", context => HandleAsync(context, state, WebJsonContext.Default.AmbientRequest, static (request, controls) =>
        {
            if (request.On is not { } on)
            {
                return "expected {\"on\": true|false}";
            }

            controls.Enabled = on;
            return null;
        }));

        routes.MapPost("/api/brightness", context => HandleAsync(context, state, WebJsonContext.Default.BrightnessRequest, static (request, controls) =>
        {
            if (request.Value is not { } value || !double.IsFinite(value) || value is < 0 or > 1)
            {
                return "expected {\"value\": a number from 0 to 1}";
            }

            controls.Brightness = value;
            return null;
        }));

        routes.MapPost("/api/smoothing", context => HandleAsync(context, state, WebJsonContext.Default.SmoothingRequest, static (request, controls) =>
        {
            var wanted = request.Intensity?.Trim();
            if (string.IsNullOrEmpty(wanted) || !char.IsAsciiLetter(wanted[0]) || !Enum.TryParse<SmoothingPreset>(wanted, ignoreCase: true, out var intensity))
            {
                return $"expected {{\"intensity\": one of {string.Join(", ", StatusReporter.IntensityNames)}}}";
            }

            controls.Intensity = intensity;
            return null;
        }));
    }

    /// <summary>Checks token, origin and content type, reads the body as <paramref name="type"/>, applies it and answers.</summary>
    /// <param name="context">The request.</param>
    /// <param name="state">The daemon's shared objects.</param>
    /// <param name="type">The request body's JSON contract.</param>
    /// <param name="apply">Applies the request to the controls; returns null, or what was wrong with the request.</param>
    private static async Task HandleAsync<TRequest>(HttpContext context, WebState state, JsonTypeInfo<TRequest> type, Func<TRequest, AmbientSettings, string?> apply)
        where TRequest : class
    {
        if (!await WebServer.AuthorizeAsync(context, state))
        {
            return;
        }

        if (!IsSameOrigin(context.Request))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "cross-origin control requests are refused");
            return;
        }

        if (!context.Request.HasJsonContentType())
        {
            await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "the body must be JSON (Content-Type: application/json)");
            return;
        }

        TRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, type, context.RequestAborted);
        }
        catch (JsonException exception)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"the body is not valid JSON: {exception.Message}");
            return;
        }

        var problem = request is null ? "the body is empty" : apply(request, state.Settings);
        if (problem is not null)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, problem);
            return;
        }

        await context.Response.WriteAsJsonAsync(StatusReporter.Settings(state.Settings), WebJsonContext.Default.SettingsDocument, cancellationToken: context.RequestAborted);
    }

    private static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    internal static Task RefuseAsync(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ProblemDocument(error), WebJsonContext.Default.ProblemDocument, cancellationToken: context.RequestAborted);
    }
}
