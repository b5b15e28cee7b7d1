using DominantColors.Regions;
using DominantColors.Strips;

namespace DominantColors.Core.Tests.Strips;

public sealed class StripLayoutTests
{
    [Fact]
    public void Zones_ClockwiseFromBottomLeft_WalksLeftTopRightBottom()
    {
        var layout = new StripLayout { Top = 2, Right = 1, Bottom = 2, Left = 1, Depth = 0.1 };

        var zones = layout.Zones("tv");

        Assert.Equal(
            [
                new StripZone("tv.0", Zone.Create(0, 0, 0.1f, 1), 0, 1),
                new StripZone("tv.1", Zone.Create(0, 0, 0.5f, 0.1f), 1, 1),
                new StripZone("tv.2", Zone.Create(0.5f, 0, 0.5f, 0.1f), 2, 1),
                new StripZone("tv.3", Zone.Create(0.9f, 0, 0.1f, 1), 3, 1),
                new StripZone("tv.4", Zone.Create(0.5f, 0.9f, 0.5f, 0.1f), 4, 1),
                new StripZone("tv.5", Zone.Create(0, 0.9f, 0.5f, 0.1f), 5, 1),
            ],
            zones);
    }

    [Fact]
    public void Zones_CounterClockwiseFromTopLeft_GoesDownTheLeftFirst()
    {
        var layout = new StripLayout { Top = 2, Left = 2, Start = StripCorner.TopLeft, Direction = StripDirection.CounterClockwise, Depth = 0.25 };

        var zones = layout.Zones("s");

        Assert.Equal(
            [Zone.Create(0, 0, 0.25f, 0.5f), Zone.Create(0, 0.5f, 0.25f, 0.5f), Zone.Create(0.5f, 0, 0.5f, 0.25f), Zone.Create(0, 0, 0.5f, 0.25f)],
            zones.Select(z => z.Region));
    }

    [Fact]
    public void Zones_GroupedLeds_NeverSpanACorner()
    {
        var layout = new StripLayout { Top = 5, Right = 3, Start = StripCorner.TopLeft, LedsPerZone = 2 };

        var zones = layout.Zones("s");

        Assert.Equal([(0, 2), (2, 2), (4, 1), (5, 2), (7, 1)], zones.Select(z => (z.FirstLed, z.LedCount)));
        Assert.Equal(8, layout.LedCount);
    }

    [Fact]
    public void Zones_LastRunOfBottomAndLeftEdges_StartsExactlyAtTheCorner()
    {
        // 16/20 + 4/20 rounds to just above 1 in float; the zone must still start at 0, not a hair below it.
        var layout = new StripLayout { Top = 40, Right = 20, Bottom = 40, Left = 20, LedsPerZone = 4, Depth = 0.1 };

        var zones = layout.Zones("s");

        Assert.Equal(30, zones.Count);
        Assert.Equal(0f, zones[4].Region.Y);
        Assert.Equal(0f, zones[29].Region.X);
    }

    [Fact]
    public void Validate_NoLedsAndBadDepth_NamesTheKeys()
    {
        var layout = new StripLayout { Depth = 0.9, LedsPerZone = 0, Top = -1 };

        Assert.Equal(
            [
                "layout:top: -1 is not an LED count (0-10000)",
                "layout:ledsPerZone: 0 must be at least 1",
                "layout:depth: 0.9 is not within (0, 0.5]",
            ],
            layout.Validate("layout:").Select(e => e.ToString()));
    }
}
