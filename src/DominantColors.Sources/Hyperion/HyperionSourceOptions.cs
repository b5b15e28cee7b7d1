using System.ComponentModel.DataAnnotations;
using System.Net;

namespace DominantColors.Sources.Hyperion;

/// <summary>
/// The <c>source</c> section when <c>type: hyperion</c>: a server for Hyperion's FlatBuffers image stream, fed by
/// grabber apps and Hyperion/HyperHDR forwarders. Config keys: <c>address</c>, <c>port</c>, <c>timeout</c>,
/// <c>allow</c>.
/// </summary>
public sealed class HyperionSourceOptions : IValidatableObject
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

    /// <summary>Each problem with its key, saying what is wrong and what is allowed.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var loopback = true;
        if (!IPAddress.TryParse(Address, out var address))
        {
            yield return new ValidationResult(
                $"'{Address}' is not an IP address; use 127.0.0.1 (this machine only), or 0.0.0.0 or a LAN address with allow", ["address"]);
        }
        else
        {
            loopback = IPAddress.IsLoopback(address);
        }

        if (Port is < 1 or > 65535)
        {
            yield return new ValidationResult($"must be 1 to 65535 (Hyperion's FlatBuffers port is {DefaultPort}), got {Port}", ["port"]);
        }

        if (Timeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"must be positive, e.g. 00:00:05, got {Timeout:c}", ["timeout"]);
        }

        for (var i = 0; i < Allow.Count; i++)
        {
            if (!PeerAllowList.TryParseEntry(Allow[i], out _))
            {
                yield return new ValidationResult(
                    $"'{Allow[i]}' is not an address or network; use e.g. 192.168.1.40 or 192.168.1.0/24", [$"allow:{i}"]);
            }
        }

        if (!loopback && Allow.Count == 0)
        {
            yield return new ValidationResult(
                $"required because address {Address} is not a loopback address: the FlatBuffers protocol carries no token, so list the senders that may connect, e.g. [192.168.1.40] or [192.168.1.0/24]",
                ["allow"]);
        }
    }
}
