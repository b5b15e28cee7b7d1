using DominantColors.Outputs;

namespace DominantColors.Pipeline;

/// <summary>
/// The running outputs, in the order the daemon started them: the pipeline adds each sink as it starts it; the
/// status page, the health check and <see cref="OutputMetrics"/> read them. Thread-safe; reading allocates nothing.
/// </summary>
internal sealed class OutputStates
{
    private readonly Lock _gate = new();
    private OutputState[] _outputs = [];

    public IReadOnlyList<OutputState> All => Volatile.Read(ref _outputs);

    public OutputState Add(string name, SinkStatus status)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(status);
        var state = new OutputState(name, status);
        lock (_gate)
        {
            Volatile.Write(ref _outputs, [.. _outputs, state]);
        }

        return state;
    }
}
