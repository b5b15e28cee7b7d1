using System.Net;
using DominantColors.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DominantColors.Web;

/// <summary>
/// The daemon's HTTP server: Kestrel with a handful of minimal-API routes and nothing else (no MVC, no static-file
/// middleware, no configuration or logging providers of its own), to keep resident memory small on a Pi.
/// Routes: <c>/</c> (the live preview page), <c>/api/status</c>, <c>/api/events</c>, <c>POST /api/ambient|brightness|smoothing</c>,
/// <c>/metrics</c>, <c>/healthz</c>.
/// </summary>
internal sealed class WebServer : IAsyncDisposable
{
    private readonly WebOptions _options;
    private readonly WebState _state;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    public WebServer(WebOptions options, WebState state, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options;
        _state = state;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<WebServer>();
    }

    /// <summary>Where the server listens once started, e.g. <c>http://127.0.0.1:8733/</c> (with the real port when 0 was asked).</summary>
    public Uri? Address { get; private set; }

    /// <summary>Binds the socket and starts serving; throws when the address cannot be bound.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "dominant-colors" });
        builder.Services.AddLogging();
        builder.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(new QuietFrameworkLoggerFactory(_loggerFactory)));
        builder.Services.Replace(ServiceDescriptor.Singleton<IHostLifetime, EmbeddedHostLifetime>());
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 4096;
            kestrel.Listen(IPAddress.Parse(_options.Address), _options.Port);
        });

        var app = builder.Build();
        app.UseRouting();
        var assets = new PageAssets();
        PreviewEndpoints.Map(app, _state, assets, _stopping.Token);
        ControlEndpoints.Map(app, _state);
        MonitoringEndpoints.Map(app, _state);

        await app.StartAsync(cancellationToken);
        _app = app;
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Address = bound is null ? null : new Uri(bound.EndsWith('/') ? bound : bound + "/");
        // The base the first look's rates are counted from; later looks sample as they read (StatusReporter).
        _state.Metrics.Sample();
        var listening = Address?.ToString() ?? _options.Address;
        Log.WebListening(_logger, listening, _state.Token.IsRequired);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await StopAsync(CancellationToken.None);
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }

        _stopping.Dispose();
    }

    /// <summary>Lets the request through when it carries the token (or none is set); otherwise answers 401 and returns false.</summary>
    internal static async Task<bool> AuthorizeAsync(HttpContext context, WebState state)
    {
        if (state.Token.Admits(context.Request))
        {
            return true;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"dominant-colors\"";
        await ControlEndpoints.RefuseAsync(context, StatusCodes.Status401Unauthorized, "missing or wrong token: send Authorization: Bearer TOKEN or ?token=TOKEN (web.token)");
        return false;
    }
}
