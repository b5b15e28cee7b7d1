using Microsoft.Extensions.Hosting;

namespace DominantColors.Web;

/// <summary>
/// The lifetime of the web server's own host, which runs inside the daemon's host. The daemon's lifetime (console or
/// systemd) already handles SIGINT/SIGTERM and logs "Application started" once; a second console lifetime here would
/// log those lines again and stop the web server on a signal by itself, before the daemon stops it in order.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
