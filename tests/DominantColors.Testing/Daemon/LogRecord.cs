using Microsoft.Extensions.Logging;

namespace DominantColors.IntegrationTests.Peers;

/// <summary>One log record the daemon wrote; <paramref name="Timestamp"/> is a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</summary>
internal sealed record LogRecord(long Timestamp, LogLevel Level, int EventId, string Category, string Message, Exception? Exception);
