using DominantColors.Colors;
using DominantColors.Outputs;
using DominantColors.Strips;
using DominantColors.Wled.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;

namespace DominantColors.Wled.Tests;

public sealed class WledSinkTests
{
    [Fact]
    public async Task RunAsync_Drgb_SendsEachZoneColorOverItsLeds()
    {
        using var receiver = new UdpReceiver();
        var options = new WledSinkOptions
        {
            Host = "127.0.0.1",
            Port = receiver.Port,
            Protocol = WledProtocol.Drgb,
            Timeout = 2,
            JsonApi = false,
            Layout = new StripLayout { Top = 2, Bottom = 1, Start = StripCorner.TopLeft },
        };
        await using var sink = new WledSink(options, TimeProvider.System, NullLogger<WledSink>.Instance);
        using var feed = new LightFeed(sink.Lights);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);

        feed.Publish([new Rgb24(1, 2, 3), new Rgb24(4, 5, 6), new Rgb24(7, 8, 9)], 1);

        Assert.Equal(new byte[] { 2, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, await receiver.NextAsync());
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task RunAsync_PortClosed_LogsTheFailureOnceAndNeverARecovery()
    {
        // Nobody listens: each reopened socket's first send succeeds and the ICMP answer fails the next one.
        int closedPort;
        using (var closed = new UdpReceiver())
        {
            closedPort = closed.Port;
        }

        var options = new WledSinkOptions { Host = "127.0.0.1", Port = closedPort, Protocol = WledProtocol.Drgb, JsonApi = false, Lights = ["tv"], LedCount = 3 };
        var logger = new FakeLogger<WledSink>();
        await using var sink = new WledSink(options, TimeProvider.System, logger, TimeSpan.FromMilliseconds(50));
        using var feed = new LightFeed(sink.Lights);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);

        // Colors at 50 Hz for 1.5 s: the 50, 100, 200, 400 ms retries each reopen and fail again.
        using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20)))
        {
            for (byte i = 1; i <= 75 && await timer.WaitForNextTickAsync(); i++)
            {
                feed.Publish([new Rgb24(i, 0, 0)], i);
            }
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var records = logger.Collector.GetSnapshot();
        Assert.Single(records, r => r.Id.Id == WledEventIds.WledSendFailed);
        Assert.DoesNotContain(records, r => r.Id.Id == WledEventIds.WledRecovered);
        Assert.True(records.Count(r => r.Id.Id == WledEventIds.WledStreaming) >= 3, "it kept retrying");
    }

    [Fact]
    public async Task RunAsync_DdpStripLongerThanOnePacket_SendsTheWholeFrame()
    {
        using var receiver = new UdpReceiver();
        var options = new WledSinkOptions
        {
            Host = "127.0.0.1",
            Port = receiver.Port,
            Protocol = WledProtocol.Ddp,
            JsonApi = false,
            Lights = ["left", "right"],
            LedCount = 1000,
        };
        await using var sink = new WledSink(options, TimeProvider.System, NullLogger<WledSink>.Instance);
        using var feed = new LightFeed(sink.Lights);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);

        feed.Publish([new Rgb24(10, 20, 30), new Rgb24(40, 50, 60)], 1);
        var packets = new[] { await receiver.NextAsync(), await receiver.NextAsync(), await receiver.NextAsync() };

        var expected = Enumerable.Repeat(new Rgb24(10, 20, 30), 500).Concat(Enumerable.Repeat(new Rgb24(40, 50, 60), 500)).ToArray();
        Assert.Equal([0x40, 0x40, 0x41], packets.Select(p => (int)p[0]));
        Assert.Equal(WledFrameWriterTests.Bytes(expected), packets.SelectMany(p => p[10..]).ToArray());
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task RunThenRestore_JsonApi_SavesOnlyThenLeavesRealtimeAndPutsTheStateBack()
    {
        using var receiver = new UdpReceiver();
        await using var api = new FakeWledJsonApi();
        var options = new WledSinkOptions
        {
            Host = "127.0.0.1",
            Port = receiver.Port,
            HttpPort = api.Port,
            Protocol = WledProtocol.Dnrgb,
            Lights = ["tv"],
            LedCount = 3,
        };
        await using var sink = new WledSink(options, TimeProvider.System, NullLogger<WledSink>.Instance);
        using var feed = new LightFeed(sink.Lights);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);

        Assert.Equal("GET /json/state", await api.NextRequestAsync());
        feed.Publish([new Rgb24(9, 8, 7)], 1);
        Assert.Equal(new byte[] { 4, 2, 0, 0, 9, 8, 7, 9, 8, 7, 9, 8, 7 }, await receiver.NextAsync());
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        await sink.RestoreAsync(CancellationToken.None);

        Assert.Equal(new byte[] { 2, 0 }, await receiver.NextAsync());
        Assert.Equal("""POST /json/state {"live":false}""", await api.NextRequestAsync());
        Assert.Equal("POST /json/state " + FakeWledJsonApi.State, await api.NextRequestAsync());
    }

    [Fact]
    public void Validate_LayoutAndLights_NamesTheConflict()
    {
        var options = new WledSinkOptions { Host = "wled", Lights = ["tv"], LedCount = 10, Layout = new StripLayout { Top = 10 } };

        Assert.Equal(["layout: give either a layout or lights with ledCount, not both"], options.Validate().Select(e => e.ToString()));
    }

    [Fact]
    public void Validate_NoHostNoLights_NamesEachKey()
    {
        var options = new WledSinkOptions { Timeout = 0 };

        Assert.Equal(
            [
                "host: is required (address of the WLED controller)",
                "timeout: 0 is not 1-254 seconds (WLED never times out at 255)",
                "lights: needs at least one light (or a layout)",
                "ledCount: 0 must be between the number of lights (0) and 65535",
            ],
            options.Validate().Select(e => e.ToString()));
    }
}
