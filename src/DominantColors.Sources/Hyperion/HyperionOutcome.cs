namespace DominantColors.Sources.Hyperion;

/// <summary>What handling one request produced: the reply to send, and why the connection must close (if it must).</summary>
internal readonly record struct HyperionOutcome(ReadOnlyMemory<byte> Reply, string? Fault);
