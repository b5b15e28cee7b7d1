using DominantColors.Colors;
using DominantColors.Leds.Adalight;
using DominantColors.Leds.Streaming;
using DominantColors.Leds.Tests.Fakes;
using DominantColors.Outputs;
using Microsoft.Extensions.Logging.Testing;

namespace DominantColors.Leds.Tests.Adalight;

/// <summary>Through a real pseudo-terminal pair (socat), read back by a parser written from the Adalight sketch.</summary>
public sealed class AdalightPeerTests
{
    [Fact]
    public async Task RunAsync_ColorsThenStop_ArduinoGetsFramesThenDark()
    {
        await using var pty = new PtyPair();
        await pty.StartAsync();
        using var reader = new AdalightReader(pty.ReaderPath);
        var options = new AdalightOptions { Device = pty.DevicePath, Lights = ["left", "right"], LedCount = 4 };
        options.SetName("adalight0");
        await using var strip = RunningStrip.Start("adalight", options, new AdalightTransport(options, 4), Timeout.InfiniteTimeSpan);

        strip.Feed.Publish([new Rgb24(1, 2, 3), new Rgb24(4, 5, 6)], 1);

        Assert.Equal([1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6], await reader.NextFrameAsync());
        await strip.StopAndRestoreAsync();
        Assert.Equal(new byte[12], await reader.NextFrameAsync());
        Assert.Equal(0, reader.BadHeaders);
    }

    [Fact]
    public async Task RunAsync_PortUnpluggedAndBack_ReopensItAndLogsTheFaultOnce()
    {
        await using var pty = new PtyPair();
        await pty.StartAsync();
        var options = new AdalightOptions { Device = pty.DevicePath, Lights = ["tv"], LedCount = 2 };
        options.SetName("adalight0");
        var logger = new FakeLogger();
        await using var sink = new LedSink("adalight:adalight0", options, new AdalightTransport(options, 2), TimeSpan.FromMilliseconds(20), TimeProvider.System, logger, TimeSpan.FromMilliseconds(20));
        using var feed = new LightFeed(sink.Lights);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);
        feed.Publish([new Rgb24(7, 7, 7)], 1);
        using (var reader = new AdalightReader(pty.ReaderPath))
        {
            Assert.Equal([7, 7, 7, 7, 7, 7], await reader.NextFrameAsync());
        }

        // Unplugged: writes fail, reopening fails while the device is gone (the keep-alive keeps trying to write).
        await pty.StopAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (sink.Status.Connected)
            {
                await Task.Delay(20, timeout.Token);
            }
        }

        await pty.StartAsync();
        using (var reader = new AdalightReader(pty.ReaderPath))
        {
            feed.Publish([new Rgb24(9, 9, 9)], 2);
            byte[] frame;
            do
            {
                frame = await reader.NextFrameAsync();
            }
            while (frame[0] != 9);
            Assert.Equal([9, 9, 9, 9, 9, 9], frame);

            // The sink logs the recovery once the write has returned, after the reader has the bytes; stopping now
            // could cut that write short. The next frame is written only after the recovery was logged.
            feed.Publish([new Rgb24(11, 11, 11)], 3);
            do
            {
                frame = await reader.NextFrameAsync();
            }
            while (frame[0] != 11);
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(1, logger.Collector.GetSnapshot().Count(r => r.Id.Id == LedEventIds.SendFailed));
        Assert.Equal(1, logger.Collector.GetSnapshot().Count(r => r.Id.Id == LedEventIds.Recovered));
        Assert.True(sink.Status.Faults >= 1);
    }
}
