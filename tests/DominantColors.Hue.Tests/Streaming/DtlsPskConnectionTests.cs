using System.Net;
using DominantColors.Colors;
using DominantColors.Hue.Bridge;
using DominantColors.Hue.Colors;
using DominantColors.Hue.Streaming;
using DominantColors.Testing;
using DominantColors.Testing.Hue;

namespace DominantColors.Hue.Tests.Streaming;

public sealed class DtlsPskConnectionTests
{
    [Fact]
    public async Task Send_SteadyState_AllocatesNothing()
    {
        await using var bridge = new FakeHueBridge();
        using var client = new HueBridgeClient(bridge.Address, BridgeCertificatePin.ForPairedBridge(bridge.Credentials), bridge.ApplicationKey);
        await client.StartEntertainmentAsync(bridge.Areas[0].Id, CancellationToken.None);
        using var connection = await DtlsPskConnection.ConnectAsync(
            new IPEndPoint(IPAddress.Loopback, bridge.Entertainment.Port), bridge.ApplicationId, Convert.FromHexString(bridge.ClientKey),
            TimeSpan.FromSeconds(5), CancellationToken.None);
        var writer = new HueStreamWriter(bridge.Areas[0].Id, HueStreamColorSpace.XyBrightness, 3);
        var converter = new XyColorConverter();

        Assert.Equal(0, SteadyStateAllocation.LeastPerRound(i => Send(connection, writer, converter, i), callsPerRound: 200));
        // Loopback UDP may drop some of a burst this fast; the frames that arrive must be whole.
        await bridge.Entertainment.WaitUntilAsync(s => s.Frames.Count >= 100, TimeSpan.FromSeconds(20));
        Assert.Equal(0, bridge.Entertainment.BadFrames);
    }

    private static void Send(DtlsPskConnection connection, HueStreamWriter writer, XyColorConverter converter, int i)
    {
        for (var c = 0; c < 3; c++)
        {
            writer.SetXyBrightness(c, (byte)c, converter.Convert(new Rgb24((byte)i, 0, (byte)c), ColorGamut.C));
        }

        connection.Send(writer.NextFrame());
        connection.DrainIncoming();
    }
}
