using DominantColors.Configuration;
using DominantColors.Outputs;

namespace DominantColors.Testing.Daemon;

/// <summary><c>type: test</c>: recording or throwing sinks the test can reach through <see cref="Sinks"/>.</summary>
internal sealed class TestSinkFactory : IColorSinkFactory
{
    private readonly List<IColorSink> _sinks = [];

    public string Type => "test";

    public IReadOnlyList<IColorSink> Sinks => _sinks;

    public RecordingColorSink Recording(string name = "test") => _sinks.OfType<RecordingColorSink>().Single(s => s.Name == name);

    public OutputPlan? Plan(OutputSection output, ConfigErrors errors)
    {
        var options = output.Bind<TestSinkOptions>(errors);
        output.CheckLightNames(options.Lights, errors);
        return new OutputPlan(options.Lights);
    }

    public IReadOnlyList<IColorSink> Create(OutputSection output, SinkContext context)
    {
        var options = output.Bind<TestSinkOptions>(new ConfigErrors());
        IColorSink sink = options.Mode == "throw"
            ? new ThrowingColorSink(options.Name, options.Lights)
            : new RecordingColorSink(options.Name, options.Lights);
        _sinks.Add(sink);
        return [sink];
    }
}
