using System.ComponentModel.DataAnnotations;
using DominantColors.Strips;

namespace DominantColors.Wled;

/// <summary>
/// One <c>type: wled</c> output: a controller, a protocol and either a strip <see cref="Layout"/> (a color per edge
/// zone) or plain <see cref="Lights"/> that split <see cref="LedCount"/> LEDs into equal runs.
/// </summary>
public sealed class WledSinkOptions : IValidatableObject
{
    /// <summary>Names the sink in logs and prefixes its zone lights; the factory sets it.</summary>
    public string Name { get; internal set; } = "wled";

    /// <summary>Sets <see cref="Name"/>: a method, not a public setter, so the name never becomes a YAML key.</summary>
    public void SetName(string name) => Name = name;

    /// <summary><c>host</c>: the controller's address or name.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary><c>port</c>: 0 picks 4048 for DDP, 21324 otherwise.</summary>
    public int Port { get; set; }

    /// <summary><c>protocol</c>: ddp, drgb or dnrgb.</summary>
    public WledProtocol Protocol { get; set; } = WledProtocol.Ddp;

    /// <summary>
    /// <c>timeout</c>: seconds WLED stays in realtime mode after the last packet (DRGB/DNRGB), 1-254. WLED reads 255
    /// as "never time out" (udp.cpp), which would leave the strip frozen if the daemon died, so it is refused.
    /// </summary>
    public int Timeout { get; set; } = 2;

    /// <summary><c>ledCount</c>: LEDs on the strip when no layout is given.</summary>
    public int LedCount { get; set; }

    /// <summary><c>lights</c>: without a layout, the lights sharing the strip in equal runs, in strip order.</summary>
    public IReadOnlyList<string> Lights { get; set; } = [];

    /// <summary><c>layout</c>.</summary>
    public StripLayout? Layout { get; set; }

    /// <summary><c>jsonApi</c>: save the state before streaming and restore it afterwards over HTTP.</summary>
    public bool JsonApi { get; set; } = true;

    /// <summary><c>httpPort</c> of the JSON API.</summary>
    public int HttpPort { get; set; } = 80;

    /// <summary><c>maxRate</c>: most frames per second (WLED drops packets when flooded).</summary>
    public double MaxRate { get; set; } = 50;

    public int EffectivePort => Port != 0 ? Port : Protocol == WledProtocol.Ddp ? WledPackets.DefaultDdpPort : WledPackets.DefaultUdpPort;

    public IReadOnlyList<OptionError> Validate()
    {
        var errors = new List<OptionError>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add(new("host", $"is required (address of the WLED controller)"));
        }

        if (Port is < 0 or > 65535)
        {
            errors.Add(new("port", $"{Port} is not a UDP port (1-65535)"));
        }

        if (HttpPort is < 1 or > 65535)
        {
            errors.Add(new("httpPort", $"{HttpPort} is not a TCP port (1-65535)"));
        }

        if (Timeout is < 1 or > 254)
        {
            errors.Add(new("timeout", $"{Timeout} is not 1-254 seconds (WLED never times out at 255)"));
        }

        if (MaxRate is <= 0 or > 200 || double.IsNaN(MaxRate))
        {
            errors.Add(new("maxRate", $"{MaxRate} is not within (0, 200] frames per second"));
        }

        if (Layout is not null)
        {
            errors.AddRange(Layout.Validate("layout:"));
            if (Lights.Count > 0 || LedCount > 0)
            {
                errors.Add(new("layout", $"give either a layout or lights with ledCount, not both"));
            }
        }
        else
        {
            if (Lights.Count == 0)
            {
                errors.Add(new("lights", $"needs at least one light (or a layout)"));
            }

            if (LedCount < Math.Max(1, Lights.Count) || LedCount > 65535)
            {
                errors.Add(new("ledCount", $"{LedCount} must be between the number of lights ({Lights.Count}) and 65535"));
            }
        }

        return errors;
    }

    /// <summary>The zones this output shows: the layout's, or equal runs of the strip, one per light.</summary>
    public IReadOnlyList<StripZone> Zones()
    {
        if (Layout is not null)
        {
            return Layout.Zones(Name);
        }

        return StripZones.EqualRuns(Lights, LedCount);
    }

    /// <summary><see cref="Validate()"/> for the config binder, each problem at its key.</summary>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext) =>
        Validate().Select(e => new ValidationResult(e.Message, [e.Key]));
}
