using DominantColors.Lights;
using DominantColors.Options;
using DominantColors.Outputs;
using DominantColors.Sources;
using Microsoft.Extensions.Configuration;

namespace DominantColors.Configuration;

/// <summary>
/// Checks a whole configuration in one pass and turns it into a <see cref="DaemonConfig"/>: known top-level keys,
/// every section bound strictly (unknown keys, values, the options' own rules), the source and each output bound by
/// the factory of its type, light names resolved. The objects it binds are the ones the daemon runs on;
/// <c>run</c>, <c>config check</c> and live reload all use it, so they accept and reject the same files.
/// </summary>
internal sealed class ConfigChecker
{
    private const string SourceKey = "source";
    private const string LightsKey = "lights";
    private const string OutputsKey = "outputs";

    private readonly IReadOnlyList<IFrameSourceFactory> _sources;
    private readonly IReadOnlyList<IColorSinkFactory> _sinks;
    private readonly IReadOnlyList<ConfigSectionRegistration> _sections;

    public ConfigChecker(
        IEnumerable<IFrameSourceFactory> sources, IEnumerable<IColorSinkFactory> sinks, IEnumerable<ConfigSectionRegistration> sections)
    {
        _sources = [.. sources];
        _sinks = [.. sinks];
        _sections = [.. sections];
    }

    /// <summary>The top-level keys a config file may hold.</summary>
    public IEnumerable<string> RootKeys =>
        new[] { SourceKey, AnalysisOptions.SectionName, SmoothingOptions.SectionName, CalibrationOptions.SectionName, SignalOptions.SectionName, LightsKey, OutputsKey }
            .Concat(_sections.Select(s => s.Name)).Append("logging").Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>Checks <paramref name="configuration"/>; the file's keys and lines come from <paramref name="lines"/>.</summary>
    public DaemonConfig? Check(IConfiguration configuration, ConfigLineMap lines, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(errors);

        var roots = RootKeys.ToList();
        foreach (var key in lines.Paths.Where(p => !p.Contains(':', StringComparison.Ordinal)))
        {
            if (!roots.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(key, $"unknown section '{key}'; allowed here: {string.Join(", ", roots)}");
            }
        }

        var sections = new Dictionary<Type, object>();
        foreach (var section in _sections)
        {
            sections[section.OptionsType] = section.Bind(configuration.GetSection(section.Name), errors);
        }

        var source = CheckSource(configuration.GetSection(SourceKey), errors);
        var lights = LightsReader.Read(configuration.GetSection(LightsKey), errors);
        var outputs = CheckOutputs(configuration.GetSection(OutputsKey), lights, errors);

        if (errors.HasErrors || source is null)
        {
            return null;
        }

        return new DaemonConfig
        {
            Source = source.Value.Section,
            SourceFactory = source.Value.Factory,
            Lights = [.. lights, .. outputs.SelectMany(o => o.Plan.ExtraLights)],
            Outputs = outputs,
            Sections = sections,
        };
    }

    private (SourceSection Section, IFrameSourceFactory Factory)? CheckSource(IConfigurationSection section, ConfigErrors errors)
    {
        var allowed = string.Join(" | ", _sources.Select(f => f.Type));
        var type = section["type"];
        if (!section.Exists() || string.IsNullOrWhiteSpace(type))
        {
            errors.Add(ConfigPath.Combine(section.Path, "type"), $"is required; use one of {allowed}");
            return null;
        }

        var factory = _sources.FirstOrDefault(f => f.Type.Equals(type.Trim(), StringComparison.OrdinalIgnoreCase));
        if (factory is null)
        {
            errors.Add(ConfigPath.Combine(section.Path, "type"), $"'{type}' is not allowed; use one of {allowed}");
            return null;
        }

        var source = new SourceSection(section, factory.Type);
        factory.Validate(source, errors);
        return (source, factory);
    }

    private List<ConfiguredOutput> CheckOutputs(IConfigurationSection section, List<LightDefinition> lights, ConfigErrors errors)
    {
        var result = new List<ConfiguredOutput>();
        var entries = section.GetChildren().ToList();
        if (entries.Count == 0)
        {
            errors.Add(section.Path, $"needs at least one output; types: {string.Join(" | ", _sinks.Select(f => f.Type))}");
            return result;
        }

        var configured = lights.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        var allNames = new HashSet<string>(configured, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var allowed = string.Join(" | ", _sinks.Select(f => f.Type));
            var type = entry["type"];
            var factory = type is null ? null : _sinks.FirstOrDefault(f => f.Type.Equals(type.Trim(), StringComparison.OrdinalIgnoreCase));
            if (factory is null)
            {
                errors.Add(ConfigPath.Combine(entry.Path, "type"), string.IsNullOrWhiteSpace(type) ? $"is required; use one of {allowed}" : $"'{type}' is not allowed; use one of {allowed}");
                continue;
            }

            var output = new OutputSection(entry, factory.Type, configured);
            if (factory.Plan(output, errors) is not { } plan)
            {
                continue;
            }

            foreach (var extra in plan.ExtraLights)
            {
                if (!allNames.Add(extra.Name))
                {
                    errors.Add(entry.Path, $"declares a light named '{extra.Name}', which another light already has");
                }
            }

            var drivable = configured.Concat(plan.ExtraLights.Select(l => l.Name)).ToHashSet(StringComparer.Ordinal);
            foreach (var name in plan.Lights.Where(n => !drivable.Contains(n)))
            {
                errors.Add(ConfigPath.Combine(entry.Path, LightsKey), $"no light named '{name}'; known lights: {string.Join(", ", configured)}");
            }

            result.Add(new ConfiguredOutput(output, factory, plan));
        }

        return result;
    }
}
