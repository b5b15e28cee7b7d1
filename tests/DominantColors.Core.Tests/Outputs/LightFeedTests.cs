using DominantColors.Colors;
using DominantColors.Outputs;

namespace DominantColors.Core.Tests.Outputs;

public sealed class LightFeedTests
{
    private static readonly Rgb24 Red = new(255, 0, 0);
    private static readonly Rgb24 Blue = new(0, 0, 255);

    [Fact]
    public void CopyLatest_AfterTwoPublishes_ReturnsOnlyTheLatest()
    {
        using var feed = new LightFeed(["tv"]);
        feed.Publish([Red], 1);
        feed.Publish([Blue], 2);

        var colors = new Rgb24[1];
        var version = feed.CopyLatest(colors, out var timestamp);

        Assert.Equal(2, version);
        Assert.Equal(2, timestamp);
        Assert.Equal(Blue, colors[0]);
    }

    [Fact]
    public async Task WaitForNewerAsync_PublishedLater_Completes()
    {
        using var feed = new LightFeed(["tv"]);
        var wait = feed.WaitForNewerAsync(0, CancellationToken.None).AsTask();
        Assert.False(wait.IsCompleted);

        feed.Publish([Red], 1);

        await wait.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
    }

    [Fact]
    public void Publish_WrongCount_Throws()
    {
        using var feed = new LightFeed(["left", "right"]);

        Assert.Throws<ArgumentException>(() => feed.Publish([Red], 0));
    }
}
