namespace DominantColors.Tests.Pipeline;

/// <summary>
/// Tests that count the bytes a thread allocates run alone: a meter listener started by a test running in parallel
/// subscribes to every daemon meter in the process, and its first measurement from the counted thread allocates there.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCounting
{
    public const string Name = "allocation measurement";
}
