using DominantColors.Leds.E131;
using DominantColors.Leds.Streaming;
using DominantColors.Outputs;

namespace DominantColors.Leds.Hosting;

/// <summary><c>outputs: - type: e131</c>: sACN to one receiver, or multicast per universe when <c>host</c> is empty.</summary>
internal sealed class E131SinkFactory : LedSinkFactory<E131Options>
{
    public override string Type => "e131";

    /// <summary>Receivers declare a source lost after 2.5 s without packets (E1.31 6.7.1); one a second keeps it.</summary>
    protected override TimeSpan KeepAlive(E131Options options) => TimeSpan.FromSeconds(1);

    protected override ILedTransport CreateTransport(E131Options options, int ledCount) => new E131Transport(options, ledCount);
}
