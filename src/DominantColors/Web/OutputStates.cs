using DominantColors.Outputs;

namespace DominantColors.Web;

/// <summary>The states of all outputs, in the order the daemon started them. Thread-safe.</summary>
internal sealed class OutputStates
{
    private readonly Lock _gate = new();
    private OutputState[] _outputs = [];

    public IReadOnlyList<OutputState> All => Volatile.Read(ref _outputs);

    /// <summary>Adds an output; <paramref name="feed"/>, when given, measures its update rate.</summary>
    public OutputState Add(string name, LightFeed? feed = null)
    {
        var state = new OutputState(name, feed);
        lock (_gate)
        {
            Volatile.Write(ref _outputs, [.. _outputs, state]);
        }

        return state;
    }

    internal void Sample(long now, long timestampFrequency)
    {
        foreach (var output in All)
        {
            output.Sample(now, timestampFrequency);
        }
    }
}
