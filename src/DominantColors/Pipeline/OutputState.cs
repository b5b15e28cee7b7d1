using DominantColors.Outputs;

namespace DominantColors.Pipeline;

/// <summary>One running output as the status page, the health check and the output meters see it: its name and what it reports.</summary>
internal sealed record OutputState(string Name, SinkStatus Status);
