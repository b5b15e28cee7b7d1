using DominantColors.Colors;
using DominantColors.Leds.E131;
using DominantColors.Leds.Streaming;
using DominantColors.Leds.Tests.Fakes;
using DominantColors.Outputs;
using DominantColors.Strips;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Leds.Tests.Streaming;

public sealed class LedSinkTests
{
    [Fact]
    public async Task RunAsync_Layout_FillsEachZonesLedsWithItsColor()
    {
        var options = new E131Options { Layout = new StripLayout { Top = 4, Left = 2, LedsPerZone = 2 } };
        var transport = new RecordingTransport();
        await using var sink = new LedSink("e131:test", options, transport, Timeout.InfiniteTimeSpan, TimeProvider.System, NullLogger.Instance, TimeSpan.FromSeconds(1));
        using var feed = new LightFeed(sink.Lights);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);

        // Clockwise from the bottom left: the left edge (2 LEDs, one zone), then the top (4 LEDs, two zones).
        feed.Publish([new Rgb24(1, 1, 1), new Rgb24(2, 2, 2), new Rgb24(3, 3, 3)], 1);

        Assert.Equal([new(1, 1, 1), new(1, 1, 1), new(2, 2, 2), new(2, 2, 2), new(3, 3, 3), new(3, 3, 3)], await transport.NextAsync());
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task RunAsync_ColorsUnchanged_ResendsTheLastFrameAfterTheKeepAlive()
    {
        var time = new FakeTimeProvider();
        var options = new E131Options { Lights = ["tv"], LedCount = 2 };
        var transport = new RecordingTransport();
        await using var sink = new LedSink("e131:test", options, transport, TimeSpan.FromSeconds(1), time, NullLogger.Instance, TimeSpan.FromSeconds(1));
        using var feed = new LightFeed(sink.Lights);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);
        feed.Publish([new Rgb24(5, 6, 7)], 1);
        await transport.NextAsync();

        // Advance in steps until the keep-alive fires: the sink's wait may start after any one step.
        var resent = transport.Frames.Reader.ReadAsync().AsTask();
        var advanced = TimeSpan.Zero;
        while (!resent.IsCompleted && advanced < TimeSpan.FromSeconds(30))
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            advanced += TimeSpan.FromMilliseconds(100);
            await Task.WhenAny(resent, Task.Delay(10));
        }

        Assert.Equal([new Rgb24(5, 6, 7), new Rgb24(5, 6, 7)], await resent);
        Assert.InRange(advanced, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Theory]
    [InlineData(2, false, 3, 2)] // the port is missing at the first two opens
    [InlineData(0, true, 2, 1)] // the device stops reading: the first write runs into the port's write timeout
    public async Task RunAsync_DeviceFault_LogsOnceRetriesAndReportsRecovery(int failingOpens, bool writeTimesOut, int opens, int faults)
    {
        var options = new E131Options { Lights = ["tv"], LedCount = 1 };
        var transport = new StallingTransport(new RecordingTransport(failingOpens), writeTimesOut);
        var logger = new FakeLogger();
        await using var sink = new LedSink("adalight:test", options, transport, Timeout.InfiniteTimeSpan, TimeProvider.System, logger, TimeSpan.FromMilliseconds(1));
        using var feed = new LightFeed(sink.Lights);
        using var stop = new CancellationTokenSource();
        var run = sink.RunAsync(feed, stop.Token);

        feed.Publish([new Rgb24(1, 2, 3)], 1);

        Assert.Equal([new Rgb24(1, 2, 3)], await transport.Inner.NextAsync());

        // The sink reports the recovery once the write has returned, which is after the transport recorded the frame;
        // it writes the next frame only after that report.
        feed.Publish([new Rgb24(4, 5, 6)], 2);
        Assert.Equal([new Rgb24(4, 5, 6)], await transport.Inner.NextAsync());
        Assert.Equal(opens, transport.Inner.Opens);
        Assert.Equal(faults, sink.Status.Faults);
        Assert.True(sink.Status.Connected);
        Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == LedEventIds.SendFailed);
        Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == LedEventIds.Recovered);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task RestoreAsync_NeverOpened_LeavesTheDeviceAlone()
    {
        var transport = new RecordingTransport();
        await using var sink = new LedSink("spi:test", new E131Options { Lights = ["tv"], LedCount = 1 }, transport, Timeout.InfiniteTimeSpan, TimeProvider.System, NullLogger.Instance, TimeSpan.FromSeconds(1));

        await sink.RestoreAsync(CancellationToken.None);

        Assert.Equal(0, transport.Stops);
    }

    /// <summary>A recording transport whose first write can run into the port's write timeout, like a serial device that stopped reading.</summary>
    private sealed class StallingTransport(RecordingTransport inner, bool stallOnce) : ILedTransport
    {
        private bool _stalled = !stallOnce;

        public RecordingTransport Inner { get; } = inner;

        public string Target => Inner.Target;

        public string StopAction => Inner.StopAction;

        public ValueTask OpenAsync(CancellationToken cancellationToken) => Inner.OpenAsync(cancellationToken);

        public ValueTask SendAsync(ReadOnlyMemory<Rgb24> leds, CancellationToken cancellationToken)
        {
            if (!_stalled)
            {
                _stalled = true;
                throw new TimeoutException("The write timed out.");
            }

            return Inner.SendAsync(leds, cancellationToken);
        }

        public ValueTask StopAsync(CancellationToken cancellationToken) => Inner.StopAsync(cancellationToken);

        public ValueTask DisposeAsync() => Inner.DisposeAsync();
    }
}
