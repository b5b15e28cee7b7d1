using DominantColors.Strips;

namespace DominantColors.Wled;

/// <summary>
/// One <c>type: wled</c> output: a controller, a protocol and the strip keys every LED output shares (a layout or
/// lights with <c>ledCount</c>, and a rate cap: <see cref="StripOptions"/>).
/// </summary>
public sealed class WledSinkOptions : StripOptions
{
    public WledSinkOptions()
        : base("wled")
    {
    }

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

    /// <summary><c>jsonApi</c>: save the state before streaming and restore it afterwards over HTTP.</summary>
    public bool JsonApi { get; set; } = true;

    /// <summary><c>httpPort</c> of the JSON API.</summary>
    public int HttpPort { get; set; } = 80;

    public int EffectivePort => Port != 0 ? Port : Protocol == WledProtocol.Ddp ? WledPackets.DefaultDdpPort : WledPackets.DefaultUdpPort;

    protected override void ValidateDevice(List<OptionError> errors)
    {
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
    }
}
