using DominantColors.Leds.Streaming;
using DominantColors.Outputs;
using DominantColors.Strips;
using Microsoft.Extensions.Logging;

namespace DominantColors.Leds.Hosting;

/// <summary>
/// The strip outputs of this project (<c>e131</c>, <c>artnet</c>, <c>adalight</c>, <c>spi</c>): planned as every strip
/// output is (<see cref="StripSinkFactory{TOptions}"/>), each type adding its own keys and its transport, all driven
/// by one <see cref="LedSink"/>; the binder runs every check (<see cref="StripOptions"/> is
/// <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>).
/// </summary>
internal abstract class LedSinkFactory<TOptions> : StripSinkFactory<TOptions>
    where TOptions : LedStripOptions, new()
{
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
