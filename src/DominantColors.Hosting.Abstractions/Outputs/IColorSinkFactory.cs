namespace DominantColors.Outputs;

/// <summary>
/// Builds the sinks for one output <c>type</c> (<c>console</c>, <c>hue</c>, <c>mqtt</c>, <c>wled</c>) from its YAML section.
/// Register one per type with <see cref="OutputServiceCollectionExtensions.AddColorSinkFactory{TFactory}"/> in
/// the adapter's own registration (<c>AddHue()</c>, <c>AddMqtt()</c>...), which the executable's composition root
/// calls; the pipeline picks the factory by the section's <c>type:</c>.
/// </summary>
public interface IColorSinkFactory
{
    /// <summary>The <c>type:</c> value this factory handles, lower case.</summary>
    string Type { get; }

    /// <summary>
    /// Reads and validates the section without touching the network or the disk (<c>config check</c> calls it too).
    /// Every problem goes to <paramref name="errors"/> with its key path (<see cref="OutputSection.PathOf"/>) and what is
    /// allowed. Returns the lights the output drives, or null when the section is unusable.
    /// </summary>
    OutputPlan? Plan(OutputSection output, Configuration.ConfigErrors errors);

    /// <summary>
    /// Builds the sinks of a section that <see cref="Plan"/> accepted. Each sink's <see cref="IColorSink.Lights"/> must
    /// be among <see cref="OutputPlan.Lights"/>. Connecting belongs in the sink's <c>RunAsync</c>, not here; throw
    /// <see cref="Configuration.InvalidConfigException"/> only for what the config alone could not show (a missing
    /// credentials file).
    /// </summary>
    IReadOnlyList<IColorSink> Create(OutputSection output, SinkContext context);
}
