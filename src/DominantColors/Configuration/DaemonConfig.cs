using DominantColors.Lights;
using DominantColors.Options;
using DominantColors.Outputs;
using DominantColors.Sources;

namespace DominantColors.Configuration;

/// <summary>A configuration that passed every check: what the daemon runs.</summary>
internal sealed class DaemonConfig
{
    public required SourceSection Source { get; init; }

    public required IFrameSourceFactory SourceFactory { get; init; }

    /// <summary>Every light the pipeline computes: the config's <c>lights:</c>, then the outputs' extra lights.</summary>
    public required IReadOnlyList<LightDefinition> Lights { get; init; }

    public required IReadOnlyList<ConfiguredOutput> Outputs { get; init; }

    public required AnalysisOptions Analysis { get; init; }

    public required SmoothingOptions Smoothing { get; init; }

    public required CalibrationOptions Calibration { get; init; }

    public required SignalOptions Signal { get; init; }
}
