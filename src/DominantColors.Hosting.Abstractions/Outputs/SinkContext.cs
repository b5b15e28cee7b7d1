using Microsoft.Extensions.Logging;

namespace DominantColors.Outputs;

/// <summary>What a factory gets to build the sinks of one output.</summary>
public sealed class SinkContext
{
    public required OutputPlan Plan { get; init; }

    public required ILoggerFactory LoggerFactory { get; init; }

    public required TimeProvider TimeProvider { get; init; }

    /// <summary>Where credentials and other state live (systemd's <c>StateDirectory</c>, <c>$STATE_DIRECTORY</c>).</summary>
    public required string StateDirectory { get; init; }
}
