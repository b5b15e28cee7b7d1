using System.Net;

namespace DominantColors.Sources.Hyperion;

/// <summary>
/// Checks a hyperion source section. Each problem comes with its key and says what is wrong and what is allowed;
/// the caller puts the section path in front.
/// </summary>
internal static class HyperionSourceOptionsValidator
{
    public static List<(string Key, string Message)> Validate(HyperionSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<(string, string)>();
        var loopback = true;
        if (!IPAddress.TryParse(options.Address, out var address))
        {
            errors.Add(("address", $"'{options.Address}' is not an IP address; use 127.0.0.1 (this machine only), or 0.0.0.0 or a LAN address with allow"));
        }
        else
        {
            loopback = IPAddress.IsLoopback(address);
        }

        if (options.Port is < 1 or > 65535)
        {
            errors.Add(("port", $"must be 1 to 65535 (Hyperion's FlatBuffers port is {HyperionSourceOptions.DefaultPort}), got {options.Port}"));
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add(("timeout", $"must be positive, e.g. 00:00:05, got {options.Timeout:c}"));
        }

        for (var i = 0; i < options.Allow.Count; i++)
        {
            if (!PeerAllowList.TryParseEntry(options.Allow[i], out _))
            {
                errors.Add(($"allow:{i}", $"'{options.Allow[i]}' is not an address or network; use e.g. 192.168.1.40 or 192.168.1.0/24"));
            }
        }

        if (!loopback && options.Allow.Count == 0)
        {
            errors.Add(("allow", $"required because address {options.Address} is not a loopback address: the FlatBuffers protocol carries no token, so list the senders that may connect, e.g. [192.168.1.40] or [192.168.1.0/24]"));
        }

        return errors;
    }
}
