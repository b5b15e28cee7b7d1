using DominantColors.Outputs;

namespace DominantColors.Tests.Fakes;

/// <summary>A sink whose every run fails at once, like an output whose device is gone.</summary>
internal sealed class ThrowingColorSink : IColorSink
{
    private int _runs;

    public ThrowingColorSink(string name, IReadOnlyList<string> lights)
    {
        Name = name;
        Lights = lights;
    }

    public string Name { get; }

    public IReadOnlyList<string> Lights { get; }

    public int Runs => Volatile.Read(ref _runs);

    public Task RunAsync(LightFeed feed, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        throw new IOException("device gone");
    }

    public Task RestoreAsync(CancellationToken cancellationToken) => throw new IOException("device gone");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
