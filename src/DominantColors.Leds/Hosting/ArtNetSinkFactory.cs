using DominantColors.Leds.ArtNet;
using DominantColors.Leds.Streaming;
using DominantColors.Outputs;

namespace DominantColors.Leds.Hosting;

/// <summary><c>outputs: - type: artnet</c>: ArtDmx to one node from a first port-address.</summary>
internal sealed class ArtNetSinkFactory : LedSinkFactory<ArtNetOptions>
{
    public override string Type => "artnet";

    /// <summary>Art-Net asks senders to refresh a universe at least every 4 s; nodes may fall back after that.</summary>
    protected override TimeSpan KeepAlive(ArtNetOptions options) => TimeSpan.FromSeconds(1);

    protected override ILedTransport CreateTransport(ArtNetOptions options, int ledCount) => new ArtNetTransport(options, ledCount);
}
