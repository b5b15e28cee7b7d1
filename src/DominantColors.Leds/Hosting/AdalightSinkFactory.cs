using DominantColors.Leds.Adalight;
using DominantColors.Leds.Streaming;
using DominantColors.Outputs;

namespace DominantColors.Leds.Hosting;

/// <summary><c>outputs: - type: adalight</c>: Adalight frames to a serial port.</summary>
internal sealed class AdalightSinkFactory : LedSinkFactory<AdalightOptions>
{
    public override string Type => "adalight";

    protected override TimeSpan KeepAlive(AdalightOptions options) =>
        options.KeepAlive > 0 ? TimeSpan.FromSeconds(options.KeepAlive) : Timeout.InfiniteTimeSpan;

    protected override ILedTransport CreateTransport(AdalightOptions options, int ledCount) => new AdalightTransport(options, ledCount);
}
