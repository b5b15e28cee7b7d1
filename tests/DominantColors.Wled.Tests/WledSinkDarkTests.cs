using DominantColors.Colors;
using DominantColors.Outputs;
using DominantColors.Wled.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Wled.Tests;

/// <summary>The WLED output while the lights are off (TV off, ambient light switched off): one black frame, then quiet.</summary>
public sealed class WledSinkDarkTests
{
    [Fact]
    public async Task RunAsync_ColorsGoBlack_SendsBlackAndTheExitThenNoKeepAliveUntilColorsReturn()
    {
        using var receiver = new UdpReceiver();
        var options = new WledSinkOptions
        {
            Host = "127.0.0.1",
            Port = receiver.Port,
            Protocol = WledProtocol.Drgb,
            Timeout = 2,
            JsonApi = false,
            Lights = ["tv"],
            LedCount = 1,
        };
        var time = new FakeTimeProvider();
        await using var sink = new WledSink(options, time, NullLogger<WledSink>.Instance);
        using var feed = new LightFeed(sink.Lights);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);

        feed.Publish([new Rgb24(9, 8, 7)], 1);
        Assert.Equal(new byte[] { 2, 2, 9, 8, 7 }, await receiver.NextAsync());
        time.Advance(TimeSpan.FromMilliseconds(100)); // past the rate cap, short of the keep-alive
        feed.Publish([Rgb24.Black], 2);
        Assert.Equal(new byte[] { 2, 2, 0, 0, 0 }, await receiver.NextAsync());

        // WLED's realtime timeout byte 0 leaves realtime at once (WLED udp.cpp): the device is its own again.
        Assert.Equal(new byte[] { 2, 0 }, await receiver.NextAsync());

        // Well past several keep-alive periods: had a keep-alive gone out, it would come before the next color.
        time.Advance(TimeSpan.FromSeconds(5));
        feed.Publish([new Rgb24(1, 2, 3)], 3);
        Assert.Equal(new byte[] { 2, 2, 1, 2, 3 }, await receiver.NextAsync());

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
