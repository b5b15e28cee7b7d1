using DominantColors.Colors;
using DominantColors.Outputs;
using DominantColors.Wled.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Wled.Tests;

/// <summary>
/// The sink against a controller that locks and times out like WLED's firmware (<see cref="WledRealtime"/>): a
/// daemon killed without a goodbye must leave the strip to WLED's own timeout, never frozen on its last frame.
/// </summary>
public sealed class WledRealtimeTimeoutTests
{
    [Theory]
    [InlineData("ddp", 2500)]
    [InlineData("drgb", 2001)]
    [InlineData("dnrgb", 2001)]
    public async Task RunAsync_DaemonKilled_WledLeavesRealtimeAfterItsOwnTimeout(string protocolName, int timeoutMs)
    {
        // DDP: WLED's own realtime timeout; DRGB/DNRGB: the packet's timeout byte (2 s) as byte * 1000 + 1 ms.
        var protocol = Enum.Parse<WledProtocol>(protocolName, ignoreCase: true);
        var clock = new FakeTimeProvider();
        var realtime = new WledRealtime(clock, 3);
        await using var wled = new WledUdpPeer(realtime);
        await using var api = new FakeWledJsonApi(realtime);
        await using var sink = new WledSink(Options(protocol, wled, api), TimeProvider.System, NullLogger<WledSink>.Instance);

        await StreamOneFrameThenDieAsync(sink, wled, new Rgb24(9, 8, 7));

        Assert.True(realtime.IsLive);
        Assert.Equal([new Rgb24(9, 8, 7), new Rgb24(9, 8, 7), new Rgb24(9, 8, 7)], realtime.Pixels());
        clock.Advance(TimeSpan.FromMilliseconds(timeoutMs));
        Assert.True(realtime.IsLive, "WLED leaves only once millis() is past the timeout");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(realtime.IsLive);
    }

    [Fact]
    public async Task RestoreAsync_CleanStop_LeavesRealtimeAtOnce()
    {
        var clock = new FakeTimeProvider();
        var realtime = new WledRealtime(clock, 3);
        await using var wled = new WledUdpPeer(realtime);
        await using var api = new FakeWledJsonApi(realtime);
        await using var sink = new WledSink(Options(WledProtocol.Ddp, wled, api), TimeProvider.System, NullLogger<WledSink>.Instance);
        await StreamOneFrameThenDieAsync(sink, wled, new Rgb24(1, 2, 3));

        await sink.RestoreAsync(CancellationToken.None);

        Assert.False(realtime.IsLive);
    }

    [Fact]
    public void Live_JsonApiLiveTrue_HoldsRealtimeThroughTimedPacketsForever()
    {
        // Why the sink never posts "live": an untimed lock that no later timed packet can shorten.
        var clock = new FakeTimeProvider();
        var realtime = new WledRealtime(clock, 1);

        realtime.Live(true);
        realtime.HandleUdp([2, 1, 10, 20, 30]);
        clock.Advance(TimeSpan.FromHours(1));

        Assert.True(realtime.IsLive);
        Assert.Equal([new Rgb24(10, 20, 30)], realtime.Pixels());
    }

    [Fact]
    public void HandleUdp_TimeoutByteZero_IgnoresTheDataAndLeavesAtTheNextLoop()
    {
        var clock = new FakeTimeProvider();
        var realtime = new WledRealtime(clock, 1);
        realtime.HandleUdp([2, 255, 10, 20, 30]);

        realtime.HandleUdp([2, 0, 99, 99, 99]);

        Assert.False(realtime.IsLive);
        Assert.Equal([new Rgb24(10, 20, 30)], realtime.Pixels());
    }

    private static WledSinkOptions Options(WledProtocol protocol, WledUdpPeer wled, FakeWledJsonApi api) => new()
    {
        Host = "127.0.0.1",
        Port = protocol == WledProtocol.Ddp ? wled.DdpPort : wled.UdpPort,
        HttpPort = api.Port,
        Protocol = protocol,
        Timeout = 2,
        Lights = ["tv"],
        LedCount = 3,
    };

    /// <summary>Streams until WLED has drawn a frame, then stops the loop without <c>RestoreAsync</c>, as kill -9 would.</summary>
    private static async Task StreamOneFrameThenDieAsync(WledSink sink, WledUdpPeer wled, Rgb24 color)
    {
        using var feed = new LightFeed(sink.Lights);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);
        feed.Publish([color], 1);
        await wled.WaitForPacketsAsync(1);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        await wled.WaitForPacketsAsync(sink.FramesSent);
    }
}
