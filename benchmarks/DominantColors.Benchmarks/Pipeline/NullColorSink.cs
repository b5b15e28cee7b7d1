using DominantColors.Outputs;

namespace DominantColors.Benchmarks.Pipeline;

/// <summary>A sink that never reads its feed: the benchmark stops at the output slot, as the daemon's analysis loop does.</summary>
internal sealed class NullColorSink(IReadOnlyList<string> lights) : IColorSink
{
    public string Name => "null";

    public IReadOnlyList<string> Lights { get; } = lights;

    public SinkStatus Status { get; } = new();

    public Task RunAsync(LightFeed feed, CancellationToken cancellationToken)
    {
        Status.ReportConnected();
        return Task.Delay(Timeout.Infinite, cancellationToken);
    }

    public Task RestoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
