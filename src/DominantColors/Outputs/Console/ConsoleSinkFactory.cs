using DominantColors.Configuration;

namespace DominantColors.Outputs.Console;

/// <summary><c>outputs: - type: console</c>.</summary>
internal sealed class ConsoleSinkFactory : IColorSinkFactory
{
    private readonly TextWriter _writer;
    private readonly bool _isTerminal;

    public ConsoleSinkFactory()
        : this(System.Console.Out, !System.Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null)
    {
    }

    /// <summary>For tests: print to <paramref name="writer"/>, as if it were a terminal or not.</summary>
    internal ConsoleSinkFactory(TextWriter writer, bool isTerminal)
    {
        _writer = writer;
        _isTerminal = isTerminal;
    }

    public string Type => "console";

    public OutputPlan? Plan(OutputSection output, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        var before = errors.Errors.Count;
        var options = output.Bind<ConsoleOutputOptions>(errors);
        output.CheckLightNames(options.Lights, errors);
        return errors.Errors.Count == before ? new OutputPlan(options.Lights) : null;
    }

    public IReadOnlyList<IColorSink> Create(OutputSection output, SinkContext context)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(context);
        var options = output.Bind<ConsoleOutputOptions>(new ConfigErrors());
        var swatches = options.Color == ConsoleColorMode.Always || (options.Color == ConsoleColorMode.Auto && _isTerminal);
        return [new ConsoleColorSink(options.Lights, _writer, swatches, options.Rate, context.TimeProvider)];
    }
}
