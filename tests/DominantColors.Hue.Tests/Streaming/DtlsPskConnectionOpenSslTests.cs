using System.Net;
using System.Text;
using DominantColors.Colors;
using DominantColors.Hue.Streaming;
using DominantColors.Hue.Tests.Peers;
using DominantColors.Testing.Hue;

namespace DominantColors.Hue.Tests.Streaming;

/// <summary>The DTLS client and frame writer against openssl, a peer written by someone else.</summary>
public sealed class DtlsPskConnectionOpenSslTests
{
    private const string AreaId = "0f1e2d3c-4b5a-4968-8776-655443322110";
    private const string Identity = "8a1d6b7c-2f3e-4d5c-9b8a-7f6e5d4c3b2a";
    private const string PskHex = "00112233445566778899aabbccddeeff";

    [Fact]
    public async Task Send_ToOpenSslServer_ArrivesAsWellFormedHueStreamFrames()
    {
        await using var server = await OpenSslDtlsServer.StartAsync(Identity, PskHex, CancellationToken.None);
        var writer = new HueStreamWriter(AreaId, HueStreamColorSpace.Rgb, 3);
        writer.SetRgb(0, 0, new Rgb24(255, 0, 0));
        writer.SetRgb(1, 1, new Rgb24(0, 255, 0));
        writer.SetRgb(2, 2, new Rgb24(0, 0, 255));

        using (var connection = await DtlsPskConnection.ConnectAsync(
            new IPEndPoint(IPAddress.Loopback, server.Port), Identity, Convert.FromHexString(PskHex), TimeSpan.FromSeconds(10), CancellationToken.None))
        {
            for (var i = 0; i < 5; i++)
            {
                connection.Send(writer.NextFrame());
            }

            await server.WaitForAsync(output => FindFrames(output, writer.Length).Count >= 5, TimeSpan.FromSeconds(20));
            Assert.True(connection.DrainIncoming());
        }

        var output = server.Output();
        Assert.Contains("CIPHER is PSK-AES128-GCM-SHA256", Encoding.ASCII.GetString(output), StringComparison.Ordinal);
        var frames = FindFrames(output, writer.Length);
        Assert.Equal([0, 1, 2, 3, 4], frames.Select(f => (int)f.Sequence));
        Assert.All(frames, frame =>
        {
            Assert.Equal(AreaId, frame.ConfigurationId);
            Assert.Equal(0, frame.ColorSpace);
            Assert.Equal(
                [new(0, 0xFFFF, 0, 0), new(1, 0, 0xFFFF, 0), new(2, 0, 0, 0xFFFF)],
                frame.Channels);
        });
    }

    private static List<HueStreamFrame> FindFrames(byte[] output, int frameLength)
    {
        var frames = new List<HueStreamFrame>();
        var span = output.AsSpan();
        var offset = 0;
        while (true)
        {
            var at = span[offset..].IndexOf("HueStream"u8);
            if (at < 0 || offset + at + frameLength > span.Length)
            {
                return frames;
            }

            offset += at;
            if (HueStreamFrame.TryDecode(span.Slice(offset, frameLength), out var frame))
            {
                frames.Add(frame!);
            }

            offset += 9;
        }
    }
}
