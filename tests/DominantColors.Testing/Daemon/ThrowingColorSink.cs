using DominantColors.Outputs;

namespace DominantColors.Testing.Daemon;

/// <summary>A sink whose every run fails at once, like an output whose device is gone.</summary>
internal sealed class ThrowingColorSink : IColorSink
{
    private readonly TaskCompletionSource _retried = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _runs;

    public ThrowingColorSink(string name, IReadOnlyList<string> lights)
    {
        Name = name;
        Lights = lights;
    }

    public string Name { get; }

    public IReadOnlyList<string> Lights { get; }

    public SinkStatus Status { get; } = new();

    public int Runs => Volatile.Read(ref _runs);

    /// <summary>Completes when the sink is run a second time: by then its first failure has been handled and reported.</summary>
    public Task Retried => _retried.Task;

    public Task RunAsync(LightFeed feed, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _runs) == 2)
        {
            _retried.TrySetResult();
        }

        throw new IOException("device gone");
    }

    public Task RestoreAsync(CancellationToken cancellationToken) => throw new IOException("device gone");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
