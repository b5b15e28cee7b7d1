using System.Security.Cryptography;
using System.Text;

namespace DominantColors.Mqtt.Connection;

/// <summary>
/// Client ids unique per broker: <c>dominant-colors-&lt;host&gt;-&lt;client&gt;-&lt;random&gt;</c>. Two connections with one
/// id make the broker drop the older one, so every client of every daemon instance gets its own.
/// </summary>
internal static class MqttClientIds
{
    public static string Create(string clientName)
    {
        var id = new StringBuilder("dominant-colors-");
        AppendSafe(id, Environment.MachineName);
        id.Append('-');
        AppendSafe(id, clientName);
        id.Append('-').Append(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3)));
        return id.ToString();
    }

    private static void AppendSafe(StringBuilder id, string text)
    {
        foreach (var c in text)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_');
        }
    }
}
