using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DominantColors.Web;

/// <summary>
/// Runs the <see cref="WebServer"/> inside the daemon when <c>web.enabled</c> is true. Binding happens in
/// <see cref="StartAsync"/>, before systemd hears READY=1, so a port in use stops the start with a clear error.
/// With the web preview off, Kestrel is never loaded.
/// </summary>
internal sealed class WebPreviewService(IOptions<WebOptions> options, IServiceProvider services, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private WebServer? _server;

    /// <summary>Where the server listens, once started; null when the web preview is off.</summary>
    public Uri? Address => _server?.Address;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var web = options.Value;
        if (!web.Enabled)
        {
            return;
        }

        var server = new WebServer(web, WebState.Create(services, web), loggerFactory);
        try
        {
            await server.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"The web preview cannot listen on {web.Address}:{web.Port} (web.address, web.port): {ex.Message}", ex);
        }

        _server = server;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }
}
