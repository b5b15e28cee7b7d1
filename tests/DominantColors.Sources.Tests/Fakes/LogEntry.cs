using Microsoft.Extensions.Logging;

namespace DominantColors.Sources.Tests.Fakes;

public sealed record LogEntry(LogLevel Level, int EventId, string Message);
