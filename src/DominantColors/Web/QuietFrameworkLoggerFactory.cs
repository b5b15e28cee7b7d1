using Microsoft.Extensions.Logging;

namespace DominantColors.Web;

/// <summary>
/// The daemon's logger factory as the web server sees it: ASP.NET Core's own categories log warnings and errors only,
/// so a page streaming events or Prometheus scraping every 15 s never fills the journal with per-request lines; and
/// Kestrel's "Now listening on" (logged as the lifetime's) stays out, as the web server's own line says it already.
/// </summary>
internal sealed class QuietFrameworkLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private const string FrameworkPrefix = "Microsoft.AspNetCore";
    private const string LifetimeCategory = "Microsoft.Hosting.Lifetime";

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName.StartsWith(FrameworkPrefix, StringComparison.Ordinal) || categoryName == LifetimeCategory
            ? new WarningsOnly(logger)
            : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The daemon owns the inner factory; nothing to dispose here.</summary>
    public void Dispose()
    {
    }

    private sealed class WarningsOnly(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
