using System.Security.Cryptography;
using System.Text;

namespace DominantColors.Leds.E131;

/// <summary>
/// The component identifier (CID) an sACN source sends in every packet. Receivers tell sources apart by it, so it
/// must not change across restarts (E1.31 5.6): it is derived from the output's name and host, as an RFC 9562 UUID
/// version 8 (name-based, SHA-256), so the same config always yields the same CID and two outputs never share one.
/// </summary>
internal static class E131Cid
{
    public static byte[] Derive(string outputName, string host)
    {
        var cid = SHA256.HashData(Encoding.UTF8.GetBytes($"dominant-colors e131 {outputName}\n{host}")).AsSpan(0, 16).ToArray();
        cid[6] = (byte)((cid[6] & 0x0F) | 0x80);
        cid[8] = (byte)((cid[8] & 0x3F) | 0x80);
        return cid;
    }
}
