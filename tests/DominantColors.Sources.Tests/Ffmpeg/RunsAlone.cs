namespace DominantColors.Sources.Tests.Ffmpeg;

/// <summary>
/// Test classes that check real-time behaviour of a real ffmpeg (its pacing, the age of the newest frame) run in this
/// collection, after the parallel ones and on their own, so other tests' ffmpeg processes cannot starve them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "real-time ffmpeg (runs alone)";
}
