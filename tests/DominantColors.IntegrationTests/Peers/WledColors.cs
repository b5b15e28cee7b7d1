using DominantColors.Colors;

namespace DominantColors.IntegrationTests.Peers;

/// <summary>Reads the first LED's color out of a WLED DRGB datagram (protocol byte 2, timeout, then R G B per LED).</summary>
internal static class WledColors
{
    public static Rgb24? FirstLed(byte[] datagram) =>
        datagram is [2, _, var r, var g, var b, ..] ? new Rgb24(r, g, b) : null;

    public static bool IsMostlyBlue(byte[] datagram) => FirstLed(datagram) is { } c && c.B > c.R + 60 && c.B > c.G + 60;

    public static bool IsMostlyRed(byte[] datagram) => FirstLed(datagram) is { } c && c.R > c.B + 60 && c.R > c.G + 60;
}
