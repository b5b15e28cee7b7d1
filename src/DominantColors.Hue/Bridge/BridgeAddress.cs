using System.Globalization;
using System.Net;

namespace DominantColors.Hue.Bridge;

/// <summary>Where a bridge answers HTTPS: <c>host</c>, <c>host:port</c>, <c>[v6]:port</c>; port 443 unless given.</summary>
public sealed record BridgeAddress(string Host, int Port)
{
    public const int DefaultPort = 443;

    public Uri BaseUri => new UriBuilder(Uri.UriSchemeHttps, Host, Port).Uri;

    public static bool TryParse(string? text, out BridgeAddress? address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        string host;
        var port = DefaultPort;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0 && (!rest.StartsWith(':') || !TryParsePort(rest[1..], out port)))
            {
                return false;
            }
        }
        else if (text.Count(c => c == ':') == 1)
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            host = text[..colon];
            if (!TryParsePort(text[(colon + 1)..], out port))
            {
                return false;
            }
        }
        else
        {
            host = text; // a bare name, IPv4 or unbracketed IPv6 address
        }

        if (host.Length == 0 || (host.Contains(':', StringComparison.Ordinal) && !IPAddress.TryParse(host, out _)))
        {
            return false;
        }

        address = new BridgeAddress(host, port);
        return true;
    }

    public static BridgeAddress Parse(string text) =>
        TryParse(text, out var address)
            ? address!
            : throw new FormatException($"'{text}' is not a bridge address (host or host:port).");

    public override string ToString() =>
        Port == DefaultPort ? Host
        : Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port.ToString(CultureInfo.InvariantCulture)}"
        : $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    private static bool TryParsePort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535;
}
