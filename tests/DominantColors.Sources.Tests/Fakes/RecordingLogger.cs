using Microsoft.Extensions.Logging;

namespace DominantColors.Sources.Tests.Fakes;

/// <summary>Keeps every log entry and lets a test await the one it expects instead of sleeping.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly Lock _gate = new();
    private readonly List<LogEntry> _entries = [];
    private readonly List<(Func<LogEntry, bool> Match, TaskCompletionSource<LogEntry> Done)> _waiters = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var entry = new LogEntry(logLevel, eventId.Id, formatter(state, exception));
        List<TaskCompletionSource<LogEntry>> matched = [];
        lock (_gate)
        {
            _entries.Add(entry);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(entry))
                {
                    matched.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var done in matched)
        {
            done.TrySetResult(entry);
        }
    }

    /// <summary>Completes with the first entry (already logged or still to come) that matches, or fails after the timeout.</summary>
    public Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<LogEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var existing = _entries.Find(e => match(e));
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            _waiters.Add((match, done));
        }

        return done.Task.WaitAsync(timeout);
    }
}
