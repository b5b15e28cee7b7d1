using System.Text;
using DominantColors.Leds.Streaming;

namespace DominantColors.Leds.E131;

/// <summary>One <c>type: e131</c> output: an sACN receiver (unicast <see cref="Host"/>, or multicast per universe) and its strip.</summary>
public sealed class E131Options : LedStripOptions
{
    /// <summary><c>host</c>: the receiver's address or name; empty sends each universe to its multicast group 239.255.hi.lo.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary><c>port</c>.</summary>
    public int Port { get; set; } = E131PacketWriter.DefaultPort;

    /// <summary><c>universe</c>: the first universe (1-63999); each further 170 LEDs take the next.</summary>
    public int Universe { get; set; } = 1;

    /// <summary><c>priority</c>: 0-200; a receiver shows the highest-priority source of a universe.</summary>
    public int Priority { get; set; } = 100;

    /// <summary><c>sourceName</c>: how receivers list this sender (at most 63 bytes of UTF-8).</summary>
    public string SourceName { get; set; } = "dominant-colors";

    public bool Multicast => string.IsNullOrWhiteSpace(Host);

    public int UniverseCount => (Zones().Sum(z => z.LedCount) + E131PacketWriter.LedsPerUniverse - 1) / E131PacketWriter.LedsPerUniverse;

    protected override void ValidateDevice(List<OptionError> errors)
    {
        if (Port is < 1 or > 65535)
        {
            errors.Add(new("port", $"{Port} is not a UDP port (1-65535)"));
        }

        if (Universe is < 1 or > 63999)
        {
            errors.Add(new("universe", $"{Universe} is not an E1.31 universe (1-63999)"));
        }

        if (Priority is < 0 or > 200)
        {
            errors.Add(new("priority", $"{Priority} is not an E1.31 priority (0-200)"));
        }

        if (string.IsNullOrWhiteSpace(SourceName) || Encoding.UTF8.GetByteCount(SourceName) > E131PacketWriter.MaxSourceNameBytes)
        {
            errors.Add(new("sourceName", $"'{SourceName}' must be 1-{E131PacketWriter.MaxSourceNameBytes} bytes of UTF-8"));
        }
    }

    /// <summary>Checked after the strip keys: the universes the strip spans must all exist.</summary>
    protected override IReadOnlyList<OptionError> ValidateStrip() =>
        Universe is >= 1 and <= 63999 && Universe + UniverseCount - 1 > 63999
            ? [new("universe", $"the strip needs {UniverseCount} universes from {Universe}, past the last universe 63999")]
            : [];
}
