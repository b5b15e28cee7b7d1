using DominantColors.Lights;
using DominantColors.Options;
using DominantColors.Outputs;
using DominantColors.Sources;

namespace DominantColors.Configuration;

/// <summary>A configuration that passed every check: what the daemon runs, bound once.</summary>
internal sealed class DaemonConfig
{
    public required SourceSection Source { get; init; }

    public required IFrameSourceFactory SourceFactory { get; init; }

    /// <summary>Every light the pipeline computes: the config's <c>lights:</c>, then the outputs' extra lights.</summary>
    public required IReadOnlyList<LightDefinition> Lights { get; init; }

    public required IReadOnlyList<ConfiguredOutput> Outputs { get; init; }

    /// <summary>Each registered top-level section's options, by options type (<c>analysis</c>, <c>web</c>, ...).</summary>
    public required IReadOnlyDictionary<Type, object> Sections { get; init; }

    public AnalysisOptions Analysis => Section<AnalysisOptions>();

    public SmoothingOptions Smoothing => Section<SmoothingOptions>();

    public CalibrationOptions Calibration => Section<CalibrationOptions>();

    public SignalOptions Signal => Section<SignalOptions>();

    /// <summary>The bound options of a registered section (<see cref="ConfigServiceCollectionExtensions.AddConfigSection{TOptions}"/>).</summary>
    public T Section<T>()
        where T : class =>
        Sections.TryGetValue(typeof(T), out var options)
            ? (T)options
            : throw new InvalidOperationException($"{typeof(T).Name} is not a registered config section.");
}
