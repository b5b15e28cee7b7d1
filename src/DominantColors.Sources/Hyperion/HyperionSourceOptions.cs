namespace DominantColors.Sources.Hyperion;

/// <summary>
/// The <c>source</c> section when <c>type: hyperion</c>: a server for Hyperion's FlatBuffers image stream, fed by
/// grabber apps and Hyperion/HyperHDR forwarders. Config keys: <c>address</c>, <c>port</c>, <c>timeout</c>,
/// <c>allow</c>.
/// </summary>
internal sealed class HyperionSourceOptions
{
    public const int DefaultPort = 19400;

    /// <summary>The address to listen on; loopback unless <see cref="Allow"/> names the senders beyond it.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; Hyperion's FlatBuffers server listens on 19400.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>A sender with no message for this long is disconnected and its priority cleared (Hyperion: 5 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Senders beyond loopback that may connect: addresses or networks (<c>192.168.1.40</c>, <c>192.168.1.0/24</c>).
    /// The protocol carries no credentials, so a non-loopback <see cref="Address"/> needs this list.
    /// </summary>
    public IReadOnlyList<string> Allow { get; set; } = [];
}
