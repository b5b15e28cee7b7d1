namespace DominantColors.Web.StandIn;

/// <summary>What one output reports about itself for the status page and the health check.</summary>
internal sealed class OutputState(string name)
{
    public string Name { get; } = name;

    public bool Connected { get; set; }

    public string? LastError { get; set; }

    /// <summary>Updates sent per second, as the output measures it.</summary>
    public double Rate { get; set; }
}
