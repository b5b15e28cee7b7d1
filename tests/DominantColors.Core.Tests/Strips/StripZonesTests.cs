using DominantColors.Colors;
using DominantColors.Strips;

namespace DominantColors.Core.Tests.Strips;

public sealed class StripZonesTests
{
    [Fact]
    public void EqualRuns_TenLedsThreeLights_SplitsInStripOrderWithoutGapsOrOverlap()
    {
        var zones = StripZones.EqualRuns(["left", "tv", "right"], 10);

        Assert.Equal([("left", 0, 3), ("tv", 3, 3), ("right", 6, 4)], zones.Select(z => (z.Name, z.FirstLed, z.LedCount)));
    }

    [Fact]
    public void Fill_TwoZones_PaintsEachZonesLedsWithItsColor()
    {
        var zones = StripZones.EqualRuns(["a", "b"], 5);
        var leds = new Rgb24[5];

        StripZones.Fill(zones, [new Rgb24(1, 0, 0), new Rgb24(0, 2, 0)], leds);

        Assert.Equal([new(1, 0, 0), new(1, 0, 0), new(0, 2, 0), new(0, 2, 0), new(0, 2, 0)], leds);
    }

    [Fact]
    public void Fill_AfterWarmUp_AllocatesNothing()
    {
        var zones = new StripLayout { Top = 60, Right = 90, Bottom = 60, Left = 90, LedsPerZone = 2 }.Zones("tv");
        var colors = new Rgb24[zones.Count];
        var leds = new Rgb24[300];
        StripZones.Fill(zones, colors, leds);

        var before = GC.GetAllocatedBytesForCurrentThread();
        StripZones.Fill(zones, colors, leds);

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
