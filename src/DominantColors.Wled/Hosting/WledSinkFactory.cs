using DominantColors.Configuration;
using DominantColors.Lights;
using DominantColors.Outputs;
using Microsoft.Extensions.Logging;

namespace DominantColors.Wled.Hosting;

/// <summary>
/// <c>outputs: - type: wled</c>: a strip <c>layout</c> declares one extra light per edge zone (named
/// <c>wled&lt;n&gt;.&lt;i&gt;</c>, following the picture just inside that stretch of edge); without one, <c>lights</c> share
/// <c>ledCount</c> LEDs in equal runs.
/// </summary>
internal sealed class WledSinkFactory : ColorSinkFactory<WledSinkOptions>
{
    public override string Type => "wled";

    protected override OutputPlan? PlanFor(OutputSection output, WledSinkOptions options, ConfigErrors errors)
    {
        options.SetName("wled" + output.Section.Key);
        if (options.Layout is null)
        {
            output.CheckLightNames(options.Lights, errors);
            return new OutputPlan(options.Lights);
        }

        // The layout's zones exist only once its values are valid (the binder has reported what is not).
        if (options.Validate().Count > 0)
        {
            return null;
        }

        var zones = options.Zones();
        var extra = zones.Select(z => new LightDefinition(z.Name, z.Region, LightPick.Dominant)).ToArray();
        return new OutputPlan(zones.Select(z => z.Name).ToArray(), extra);
    }

    protected override IReadOnlyList<IColorSink> CreateSinks(OutputSection output, WledSinkOptions options, SinkContext context) =>
        [new WledSink(options, context.TimeProvider, context.LoggerFactory.CreateLogger<WledSink>())];
}
