using DominantColors.Lights;

namespace DominantColors.Outputs;

/// <summary>What an output needs from the pipeline, known from its config section alone.</summary>
/// <param name="Lights">
/// The lights its sinks drive: names from the config's <c>lights:</c> and the names of <paramref name="ExtraLights"/>.
/// </param>
/// <param name="ExtraLights">
/// Lights only this output uses, with their own zones and picks (Hue Entertainment channels by position, WLED strip
/// segments). The pipeline computes them like configured lights; names must be unique across the whole config, so
/// prefix them (e.g. <c>wled0:top:3</c>).
/// </param>
public sealed record OutputPlan(IReadOnlyList<string> Lights, IReadOnlyList<LightDefinition> ExtraLights)
{
    /// <summary>A plan for an output that only drives configured lights.</summary>
    public OutputPlan(IReadOnlyList<string> lights)
        : this(lights, [])
    {
    }

    /// <summary>The options bound from the output's section, set by <see cref="ColorSinkFactory{TOptions}"/>.</summary>
    public object? Options { get; init; }
}
