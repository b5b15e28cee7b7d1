using DominantColors.Configuration;
using DominantColors.Leds.Streaming;
using DominantColors.Lights;
using DominantColors.Outputs;
using Microsoft.Extensions.Logging;

namespace DominantColors.Leds.Hosting;

/// <summary>
/// What the strip outputs (<c>e131</c>, <c>artnet</c>, <c>adalight</c>, <c>spi</c>) share with <c>type: wled</c>: a strip
/// <c>layout</c> declares one extra light per edge zone (named <c>&lt;type&gt;&lt;n&gt;.&lt;i&gt;</c>); without one,
/// <c>lights</c> share <c>ledCount</c> LEDs in equal runs. Each type adds its own keys and its transport; the binder
/// runs every check (<see cref="LedStripOptions"/> is <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>).
/// </summary>
internal abstract class LedSinkFactory<TOptions> : ColorSinkFactory<TOptions>
    where TOptions : LedStripOptions, new()
{
    protected override OutputPlan? PlanFor(OutputSection output, TOptions options, ConfigErrors errors)
    {
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

    protected override IReadOnlyList<IColorSink> CreateSinks(OutputSection output, TOptions options, SinkContext context)
    {
        var ledCount = options.Zones().Sum(z => z.LedCount);
        var logger = context.LoggerFactory.CreateLogger<LedSink>();
        return [new LedSink($"{Type}:{options.Name}", options, CreateTransport(options, ledCount), KeepAlive(options), context.TimeProvider, logger, TimeSpan.FromSeconds(1))];
    }

    /// <summary>How often an unchanged frame is sent again; <see cref="Timeout.InfiniteTimeSpan"/> for never.</summary>
    protected abstract TimeSpan KeepAlive(TOptions options);

    protected abstract ILedTransport CreateTransport(TOptions options, int ledCount);
}
