using DominantColors.Colors;
using DominantColors.Leds.E131;
using DominantColors.Leds.Tests.Fakes;

namespace DominantColors.Leds.Tests.E131;

/// <summary>
/// Against the npm <c>sacn</c> receiver (Peers/sacn-receiver.js): over unicast on loopback, and over multicast, which
/// needs a multicast route (this machine's default route; the packets loop back to the receiver).
/// </summary>
public sealed class E131PeerTests
{
    [Fact]
    public async Task RunAsync_TwoUniverseStrip_ReceiverGetsEveryLedAndThreeTerminatedPacketsOnStop()
    {
        var port = Ports.FreeUdp();
        await using var peer = await NodePeer.StartAsync("sacn-receiver.js", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "5,6");
        var options = new E131Options { Host = "127.0.0.1", Port = port, Universe = 5, SourceName = "living room", Lights = ["left", "right"], LedCount = 200 };
        options.SetName("e1310");
        await using var strip = RunningStrip.Start("e131", options, new E131Transport(options, 200), TimeSpan.FromSeconds(1));

        strip.Feed.Publish([new Rgb24(255, 0, 16), new Rgb24(1, 2, 3)], 1);

        var first = await peer.NextAsync();
        var second = await peer.NextAsync();
        Assert.Equal(5, first.GetProperty("universe").GetInt32());
        Assert.Equal(6, second.GetProperty("universe").GetInt32());
        Assert.Equal("living room", first.GetProperty("sourceName").GetString());
        Assert.Equal(100, first.GetProperty("priority").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(E131Cid.Derive("e1310", "127.0.0.1")), first.GetProperty("cid").GetString());
        Assert.Equal(510, first.GetProperty("slots").GetInt32());
        Assert.Equal(90, second.GetProperty("slots").GetInt32());

        // LEDs 0-99 are "left", 100-199 "right": universe 5 holds LEDs 0-169, universe 6 the other 30.
        Assert.Equal(string.Concat(Enumerable.Repeat("ff0010", 100)) + string.Concat(Enumerable.Repeat("010203", 70)), first.GetProperty("data").GetString());
        Assert.Equal(string.Concat(Enumerable.Repeat("010203", 30)), second.GetProperty("data").GetString());

        await strip.StopAndRestoreAsync();

        // Three terminated packets per universe (E1.31 6.2.6), after any keep-alive still in flight.
        var terminated = new List<int>();
        while (terminated.Count < 6)
        {
            var packet = await peer.NextAsync();
            if ((packet.GetProperty("options").GetInt32() & E131PacketWriter.StreamTerminated) != 0)
            {
                terminated.Add(packet.GetProperty("universe").GetInt32());
            }
        }

        Assert.Equal([5, 5, 5, 6, 6, 6], terminated.Order());
    }

    [Fact]
    public async Task RunAsync_NoHost_SendsEachUniverseToItsOwnMulticastGroup()
    {
        // The strip spans universes 255 and 256; the receiver joins only 256's group, 239.255.1.0 (not 239.255.0.255),
        // so what it gets was sent to that group. The sender itself joins nothing.
        var port = Ports.FreeUdp();
        await using var peer = await NodePeer.StartAsync("sacn-receiver.js", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "256", "multicast");
        var options = new E131Options { Port = port, Universe = 255, Lights = ["tv"], LedCount = 171 };
        options.SetName("e1310");
        await using var strip = RunningStrip.Start("e131", options, new E131Transport(options, 171), TimeSpan.FromSeconds(1));

        strip.Feed.Publish([new Rgb24(7, 8, 9)], 1);

        var packet = await peer.NextAsync();
        Assert.Equal(256, packet.GetProperty("universe").GetInt32());
        Assert.Equal("070809", packet.GetProperty("data").GetString());
        Assert.Equal(Convert.ToHexStringLower(E131Cid.Derive("e1310", string.Empty)), packet.GetProperty("cid").GetString());

        await strip.StopAndRestoreAsync();
        var terminated = 0;
        while (terminated < 3)
        {
            packet = await peer.NextAsync();
            Assert.Equal(256, packet.GetProperty("universe").GetInt32());
            terminated += (packet.GetProperty("options").GetInt32() & E131PacketWriter.StreamTerminated) != 0 ? 1 : 0;
        }
    }
}
