using DominantColors.Outputs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace DominantColors.Testing.Hosting;

/// <summary>An <c>outputs:</c> entry and a sink context as the pipeline hands them to a factory, for factory tests.</summary>
internal static class OutputSections
{
    /// <summary>The entry <c>outputs:0</c> with these keys (<c>type</c> among them), in a config whose only light is <c>tv</c>.</summary>
    public static OutputSection Section(Dictionary<string, string?> keys)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(keys.Select(k => new KeyValuePair<string, string?>("outputs:0:" + k.Key, k.Value)))
            .Build();
        return new OutputSection(configuration.GetSection("outputs:0"), keys["type"]!, ["tv"]);
    }

    /// <summary>What a factory gets to build the sinks of <paramref name="plan"/>: no logging, the system clock, a temporary state directory.</summary>
    public static SinkContext Context(OutputPlan plan) => new()
    {
        Plan = plan,
        LoggerFactory = NullLoggerFactory.Instance,
        TimeProvider = TimeProvider.System,
        StateDirectory = Path.GetTempPath(),
    };
}
