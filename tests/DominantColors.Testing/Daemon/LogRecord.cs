using Microsoft.Extensions.Logging;

namespace DominantColors.Testing.Daemon;

/// <summary>
/// One log record the daemon wrote; <paramref name="Timestamp"/> is a <see cref="System.Diagnostics.Stopwatch"/>
/// timestamp, <paramref name="State"/> the message's parameters as text (what a structured log sink would store).
/// </summary>
internal sealed record LogRecord(
    long Timestamp, LogLevel Level, int EventId, string Category, string Message, Exception? Exception, IReadOnlyList<KeyValuePair<string, string?>> State);
