using DominantColors.Configuration;

namespace DominantColors.Outputs;

/// <summary>
/// An output type whose section binds to <typeparamref name="TOptions"/>: <see cref="Plan(OutputSection, ConfigErrors)"/>
/// binds it once, strictly (DataAnnotations and the options' <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>
/// rules), lets the type resolve its light names and keeps the options on the plan, which is what
/// <see cref="Create(OutputSection, SinkContext)"/> builds from.
/// </summary>
public abstract class ColorSinkFactory<TOptions> : IColorSinkFactory
    where TOptions : class, new()
{
    public abstract string Type { get; }

    public OutputPlan? Plan(OutputSection output, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Errors.Count;
        var options = output.Bind<TOptions>(errors);
        var plan = PlanFor(output, options, errors);
        return errors.Errors.Count == before && plan is not null ? plan with { Options = options } : null;
    }

    public IReadOnlyList<IColorSink> Create(OutputSection output, SinkContext context)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Plan.Options as TOptions
            ?? throw new InvalidOperationException($"The {Type} output {output.Section.Path} is created from a plan that Plan did not make.");
        return CreateSinks(output, options, context);
    }

    /// <summary>
    /// Checks what the options refer to beyond their own section (light names against the config's <c>lights:</c>),
    /// adding each problem at its key path, and returns the lights the output drives. Runs even when the section had
    /// errors of its own, so the user sees every problem at once.
    /// </summary>
    protected abstract OutputPlan? PlanFor(OutputSection output, TOptions options, ConfigErrors errors);

    /// <summary>Builds the sinks from options that passed every check.</summary>
    protected abstract IReadOnlyList<IColorSink> CreateSinks(OutputSection output, TOptions options, SinkContext context);
}
