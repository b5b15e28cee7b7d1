using DominantColors.Configuration;
using DominantColors.Lights;
using DominantColors.Strips;

namespace DominantColors.Outputs;

/// <summary>
/// The plan of every LED strip output (<c>wled</c>, <c>e131</c>, <c>artnet</c>, <c>adalight</c>, <c>spi</c>): a strip
/// <c>layout</c> declares one extra light per edge zone (named <c>&lt;type&gt;&lt;n&gt;.&lt;i&gt;</c>, following the picture
/// just inside that stretch of edge); without one, <c>lights</c> share <c>ledCount</c> LEDs in equal runs.
/// </summary>
public abstract class StripSinkFactory<TOptions> : ColorSinkFactory<TOptions>
    where TOptions : StripOptions, new()
{
    protected override OutputPlan? PlanFor(OutputSection output, TOptions options, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        options.SetName(Type + output.Section.Key);
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
}
