using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace DominantColors.Testing.Daemon;

/// <summary>
/// A logger provider that keeps every record the daemon writes at or above <see cref="MinimumLevel"/>, and lets a test
/// await a record (woken by each new record, never by polling) or count the records of one event id.
/// </summary>
internal sealed class LogRecorder : ILoggerProvider
{
    private readonly long _created = Stopwatch.GetTimestamp();
    private readonly Lock _gate = new();
    private readonly List<LogRecord> _records = [];
    private readonly ChangeSignal _written = new();

    public LogRecorder(LogLevel minimumLevel = LogLevel.Debug)
    {
        MinimumLevel = minimumLevel;
    }

    public LogLevel MinimumLevel { get; }

    public IReadOnlyList<LogRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records];
            }
        }
    }

    /// <summary>Records of event <paramref name="eventId"/> so far.</summary>
    public int Count(int eventId) => Records.Count(r => r.EventId == eventId);

    /// <summary>Records of event <paramref name="eventId"/> written after <paramref name="since"/> (a Stopwatch timestamp).</summary>
    public int CountSince(int eventId, long since) => Records.Count(r => r.EventId == eventId && r.Timestamp >= since);

    /// <summary>Waits for a record matching <paramref name="match"/> (one already written counts) and returns it.</summary>
    public async Task<LogRecord> WaitForAsync(Func<LogRecord, bool> match, TimeSpan timeout, string what)
    {
        LogRecord? found = null;
        try
        {
            await _written.WaitUntilAsync(() => (found = Find(match)) is not null, timeout).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No log record {what} within {timeout.TotalSeconds:0.#} s. Logged:\n{Dump()}");
        }

        return found!;
    }

    /// <summary>Waits for event <paramref name="eventId"/> written at or after <paramref name="since"/>.</summary>
    public Task<LogRecord> WaitForAsync(int eventId, long since, TimeSpan timeout) =>
        WaitForAsync(r => r.EventId == eventId && r.Timestamp >= since, timeout, $"with event id {eventId}");

    /// <summary>The warnings and errors so far, one a line, for failure messages.</summary>
    public string Dump(LogLevel from = LogLevel.Information) =>
        string.Join('\n', Records.Where(r => r.Level >= from).Select(r =>
            $"{Stopwatch.GetElapsedTime(_created, r.Timestamp).TotalSeconds,7:0.000} {r.Level} {r.EventId} {r.Category}: {r.Message}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private LogRecord? Find(Func<LogRecord, bool> match)
    {
        lock (_gate)
        {
            return _records.FirstOrDefault(match);
        }
    }

    private void Add(LogRecord record)
    {
        lock (_gate)
        {
            _records.Add(record);
        }

        _written.Signal();
    }

    private sealed class Logger(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= recorder.MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                IReadOnlyList<KeyValuePair<string, string?>> parameters = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? [.. pairs.Select(p => new KeyValuePair<string, string?>(p.Key, Convert.ToString(p.Value, CultureInfo.InvariantCulture)))]
                    : [];
                recorder.Add(new LogRecord(Stopwatch.GetTimestamp(), logLevel, eventId.Id, category, formatter(state, exception), exception, parameters));
            }
        }
    }
}
