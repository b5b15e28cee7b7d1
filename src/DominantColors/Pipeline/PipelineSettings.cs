using DominantColors.Configuration;
using DominantColors.Lights;
using DominantColors.Options;

namespace DominantColors.Pipeline;

/// <summary>What the analysis loop needs from the config; swapped as a whole when the file changes (live reload).</summary>
internal sealed record PipelineSettings(
    IReadOnlyList<LightDefinition> Lights,
    AnalysisOptions Analysis,
    SmoothingOptions Smoothing,
    CalibrationOptions Calibration,
    SignalOptions Signal)
{
    public static PipelineSettings From(DaemonConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new(config.Lights, config.Analysis, config.Smoothing, config.Calibration, config.Signal);
    }
}
