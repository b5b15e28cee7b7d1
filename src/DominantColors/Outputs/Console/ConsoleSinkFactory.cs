using DominantColors.Configuration;

namespace DominantColors.Outputs.Console;

/// <summary><c>outputs: - type: console</c>.</summary>
internal sealed class ConsoleSinkFactory : ColorSinkFactory<ConsoleOutputOptions>
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

    public override string Type => "console";

    protected override OutputPlan PlanFor(OutputSection output, ConsoleOutputOptions options, ConfigErrors errors)
    {
        output.CheckLightNames(options.Lights, errors);
        return new OutputPlan(options.Lights);
    }

    protected override IReadOnlyList<IColorSink> CreateSinks(OutputSection output, ConsoleOutputOptions options, SinkContext context)
    {
        var swatches = options.Color == ConsoleColorMode.Always || (options.Color == ConsoleColorMode.Auto && _isTerminal);
        return [new ConsoleColorSink(options.Lights, _writer, swatches, options.Rate, context.TimeProvider)];
    }
}
