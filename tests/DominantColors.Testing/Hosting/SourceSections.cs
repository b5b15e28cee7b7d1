using DominantColors.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace DominantColors.Testing.Hosting;

/// <summary>A <c>source:</c> section and a source context as the pipeline hands them to a factory, for factory tests.</summary>
internal static class SourceSections
{
    /// <summary>The section <c>source</c> of <paramref name="type"/> with these keys.</summary>
    public static SourceSection Section(string type, params (string Key, string Value)[] values)
    {
        var data = values.ToDictionary(v => "source:" + v.Key, v => (string?)v.Value);
        data["source:type"] = type;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(data).Build();
        return new SourceSection(configuration.GetSection("source"), type);
    }

    /// <summary>What a factory gets to build a source: the 64x36 analysis size, no logging, the system clock, a temporary state directory.</summary>
    public static SourceContext Context() => new()
    {
        FrameWidth = 64,
        FrameHeight = 36,
        LoggerFactory = NullLoggerFactory.Instance,
        TimeProvider = TimeProvider.System,
        StateDirectory = Path.GetTempPath(),
    };
}
