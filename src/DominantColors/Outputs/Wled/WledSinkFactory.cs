using DominantColors.Configuration;
using DominantColors.Lights;
using DominantColors.Mqtt.Wled;
using Microsoft.Extensions.Logging;

namespace DominantColors.Outputs.Wled;

/// <summary>
/// <c>outputs: - type: wled</c>: a strip <c>layout</c> declares one extra light per edge zone (named
/// <c>wled&lt;n&gt;.&lt;i&gt;</c>, following the picture just inside that stretch of edge); without one, <c>lights</c> share
/// <c>ledCount</c> LEDs in equal runs.
/// </summary>
internal sealed class WledSinkFactory : IColorSinkFactory
{
    public string Type => "wled";

    public OutputPlan? Plan(OutputSection output, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Errors.Count;
        var options = Bind(output, errors);
        if (errors.Errors.Count == before)
        {
            foreach (var error in options.Validate())
            {
                errors.Add(output.PathOf(error.Key), error.Message);
            }

            if (options.Layout is null)
            {
                output.CheckLightNames(options.Lights, errors);
            }
        }

        if (errors.Errors.Count != before)
        {
            return null;
        }

        if (options.Layout is null)
        {
            return new OutputPlan(options.Lights);
        }

        var zones = options.Zones();
        var extra = zones
            .Select(z => new LightDefinition(z.Name, z.Region, LightPick.Dominant))
            .ToArray();
        return new OutputPlan(zones.Select(z => z.Name).ToArray(), extra);
    }

    public IReadOnlyList<IColorSink> Create(OutputSection output, SinkContext context)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(context);
        var options = Bind(output, new ConfigErrors());
        return [new WledSink(options, context.TimeProvider, context.LoggerFactory.CreateLogger<WledSink>())];
    }

    private static WledSinkOptions Bind(OutputSection output, ConfigErrors errors)
    {
        var options = output.Bind<WledSinkOptions>(errors);
        options.Name = "wled" + output.Section.Key;
        return options;
    }
}
