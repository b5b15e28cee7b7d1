using DominantColors.Colors;
using DominantColors.Outputs;

namespace DominantColors.Testing.Daemon;

/// <summary>Records every set of colors it reads from its feed, with the feed's timestamp.</summary>
internal sealed class RecordingColorSink : IColorSink
{
    private readonly Lock _gate = new();
    private readonly List<(Rgb24[] Colors, long Timestamp)> _received = [];
    private TaskCompletionSource _recorded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _seen;

    public RecordingColorSink(string name, IReadOnlyList<string> lights)
    {
        Name = name;
        Lights = lights;
    }

    public string Name { get; }

    public IReadOnlyList<string> Lights { get; }

    public SinkStatus Status { get; } = new();

    public bool Restored { get; private set; }

    public IReadOnlyList<(Rgb24[] Colors, long Timestamp)> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public Rgb24[]? Latest
    {
        get
        {
            lock (_gate)
            {
                return _received.Count == 0 ? null : _received[^1].Colors;
            }
        }
    }

    public async Task RunAsync(LightFeed feed, CancellationToken cancellationToken)
    {
        Status.ReportConnected();
        var seen = 0L;
        while (true)
        {
            await feed.WaitForNewerAsync(seen, cancellationToken);
            var colors = new Rgb24[Lights.Count];
            seen = feed.CopyLatest(colors, out var timestamp);
            TaskCompletionSource recorded;
            Status.ReportSent();
            lock (_gate)
            {
                _seen = seen;
                _received.Add((colors, timestamp));
                recorded = _recorded;
                _recorded = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            recorded.TrySetResult();
        }
    }

    /// <summary>Waits until the feed's colors of <paramref name="version"/> or later have been recorded.</summary>
    public async Task WaitForVersionAsync(long version, TimeSpan guard)
    {
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_seen >= version)
                {
                    return;
                }

                next = _recorded.Task;
            }

            await next.WaitAsync(guard);
        }
    }

    /// <summary>Waits until colors published at <paramref name="timestamp"/> or later have been recorded.</summary>
    public async Task WaitForAsync(long timestamp, TimeSpan guard)
    {
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_received.Count > 0 && _received[^1].Timestamp >= timestamp)
                {
                    return;
                }

                next = _recorded.Task;
            }

            await next.WaitAsync(guard);
        }
    }

    public Task RestoreAsync(CancellationToken cancellationToken)
    {
        Restored = true;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
