using DominantColors.Leds.Streaming;

namespace DominantColors.Leds.ArtNet;

/// <summary>One <c>type: artnet</c> output: an Art-Net node and its strip.</summary>
public sealed class ArtNetOptions : LedStripOptions
{
    /// <summary><c>host</c>: the node's address or name (or a directed broadcast address such as 2.255.255.255).</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary><c>port</c>.</summary>
    public int Port { get; set; } = ArtNetPacketWriter.DefaultPort;

    /// <summary>
    /// <c>universe</c>: the first port-address, net (bits 14-8), subnet (7-4) and universe (3-0) as one number, 0-32767;
    /// each further 170 LEDs take the next.
    /// </summary>
    public int Universe { get; set; }

    public int UniverseCount => (Zones().Sum(z => z.LedCount) + ArtNetPacketWriter.LedsPerUniverse - 1) / ArtNetPacketWriter.LedsPerUniverse;

    protected override void ValidateDevice(List<OptionError> errors)
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add(new("host", "is required (address of the Art-Net node)"));
        }

        if (Port is < 1 or > 65535)
        {
            errors.Add(new("port", $"{Port} is not a UDP port (1-65535)"));
        }

        if (Universe is < 0 or > ArtNetPacketWriter.MaxPortAddress)
        {
            errors.Add(new("universe", $"{Universe} is not an Art-Net port-address (0-32767: net * 256 + subnet * 16 + universe)"));
        }
    }

    /// <summary>Checked after the strip keys: the port-addresses the strip spans must all exist.</summary>
    protected override IReadOnlyList<OptionError> ValidateStrip() =>
        Universe is >= 0 and <= ArtNetPacketWriter.MaxPortAddress && Universe + UniverseCount - 1 > ArtNetPacketWriter.MaxPortAddress
            ? [new("universe", $"the strip needs {UniverseCount} universes from {Universe}, past the last port-address 32767")]
            : [];
}
