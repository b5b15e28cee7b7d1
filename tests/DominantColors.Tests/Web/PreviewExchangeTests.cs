using DominantColors.Colors;
using DominantColors.Web.Preview;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Tests.Web;

public sealed class PreviewExchangeTests
{
    [Fact]
    public void FrameAnalysed_NobodyWatching_DueOncePerSecond()
    {
        var time = new FakeTimeProvider();
        var exchange = new PreviewExchange(time);
        var writer = new SnapshotWriter(exchange);

        var dueAtStart = exchange.FrameAnalysed(time.GetTimestamp());
        writer.PublishSolid(new Rgb24(1, 1, 1), 1, time.GetTimestamp());
        time.Advance(TimeSpan.FromMilliseconds(500));
        var dueAfterHalfSecond = exchange.FrameAnalysed(time.GetTimestamp());
        time.Advance(TimeSpan.FromMilliseconds(500));
        var dueAfterOneSecond = exchange.FrameAnalysed(time.GetTimestamp());

        Assert.True(dueAtStart);
        Assert.False(dueAfterHalfSecond);
        Assert.True(dueAfterOneSecond);
    }

    [Fact]
    public void FrameAnalysed_PageWatching_DueTenTimesPerSecond()
    {
        var time = new FakeTimeProvider();
        var exchange = new PreviewExchange(time);
        var writer = new SnapshotWriter(exchange);
        var due = 0;

        using (exchange.Watch())
        {
            // 60 frames per second for one second.
            for (var frame = 0; frame < 60; frame++)
            {
                if (exchange.FrameAnalysed(time.GetTimestamp()))
                {
                    due++;
                    writer.PublishSolid(new Rgb24(1, 1, 1), frame, time.GetTimestamp());
                }

                time.Advance(TimeSpan.FromSeconds(1.0 / 60));
            }
        }

        Assert.InRange(due, 9, 11);
        Assert.Equal(0, exchange.Watchers);
        Assert.Equal(due, exchange.Version);
    }

    [Fact]
    public void Publish_FilledSnapshot_ReaderCopiesItAndWriterGetsAnotherBuffer()
    {
        var exchange = new PreviewExchange(new FakeTimeProvider());
        var filled = new PreviewSnapshot();
        filled.SetLightCount(1);
        filled.SetLight(0, "tv", new Rgb24(10, 20, 30));
        var copy = new PreviewSnapshot();

        var next = exchange.Publish(filled);
        var version = exchange.CopyLatest(copy);

        Assert.NotSame(filled, next);
        Assert.Equal(1, version);
        Assert.Equal("tv", copy.LightName(0));
        Assert.Equal(new Rgb24(10, 20, 30), copy.LightColor(0));
    }
}
