namespace DominantColors.Mqtt.Tests.Measurements;

/// <summary>
/// Measurements run alone: the outage test reads the process-wide heap and the latency test the scheduler, and
/// other test classes running beside them would be measured too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunAlone
{
    public const string Name = "Measurements";
}
