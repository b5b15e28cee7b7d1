namespace DominantColors.Web.StandIn;

/// <summary>The outputs' self-reported states.</summary>
internal sealed class OutputStates
{
    private readonly List<OutputState> _outputs = [];

    public IReadOnlyList<OutputState> All => _outputs;

    public OutputState Add(string name)
    {
        var state = new OutputState(name);
        _outputs.Add(state);
        return state;
    }
}
