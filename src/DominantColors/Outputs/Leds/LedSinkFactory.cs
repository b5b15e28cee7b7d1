using DominantColors.Configuration;
using DominantColors.Leds.Streaming;
using DominantColors.Lights;
using Microsoft.Extensions.Logging;

namespace DominantColors.Outputs.Leds;

/// <summary>
/// What the strip outputs (<c>e131</c>, <c>artnet</c>, <c>adalight</c>, <c>spi</c>) share with <c>type: wled</c>: a strip
/// <c>layout</c> declares one extra light per edge zone (named <c>&lt;type&gt;&lt;n&gt;.&lt;i&gt;</c>); without one,
/// <c>lights</c> share <c>ledCount</c> LEDs in equal runs. Each type adds its own keys and its transport.
/// </summary>
internal abstract class LedSinkFactory<TOptions> : IColorSinkFactory
    where TOptions : LedStripOptions, new()
{
    public abstract string Type { get; }

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

            if (errors.Errors.Count == before)
            {
                foreach (var error in ValidateStrip(options))
                {
                    errors.Add(output.PathOf(error.Key), error.Message);
                }
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
        var ledCount = options.Zones().Sum(z => z.LedCount);
        var logger = context.LoggerFactory.CreateLogger<LedSink>();
        return [new LedSink($"{Type}:{options.Name}", options, CreateTransport(options, ledCount), KeepAlive(options), context.TimeProvider, logger, TimeSpan.FromSeconds(1))];
    }

    /// <summary>Checks that need the whole strip known and valid (e.g. universes enough for its LEDs).</summary>
    protected virtual IReadOnlyList<OptionError> ValidateStrip(TOptions options) => [];

    /// <summary>How often an unchanged frame is sent again; <see cref="Timeout.InfiniteTimeSpan"/> for never.</summary>
    protected abstract TimeSpan KeepAlive(TOptions options);

    protected abstract ILedTransport CreateTransport(TOptions options, int ledCount);

    private TOptions Bind(OutputSection output, ConfigErrors errors)
    {
        var options = output.Bind<TOptions>(errors);
        options.Name = Type + output.Section.Key;
        return options;
    }
}
