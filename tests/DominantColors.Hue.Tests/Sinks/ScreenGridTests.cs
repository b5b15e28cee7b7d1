using DominantColors.Hue.Bridge;
using DominantColors.Hue.Sinks;

namespace DominantColors.Hue.Tests.Sinks;

public sealed class ScreenGridTests
{
    [Theory]
    [InlineData(-0.9, 0.9, "top-left")]
    [InlineData(0.0, 1.0, "top")]
    [InlineData(1.0, 0.5, "top-right")]
    [InlineData(-1.0, 0.0, "left")]
    [InlineData(0.0, 0.0, "center")]
    [InlineData(0.8, -0.1, "right")]
    [InlineData(-0.5, -0.9, "bottom-left")]
    [InlineData(0.2, -1.0, "bottom")]
    [InlineData(0.9, -0.8, "bottom-right")]
    public void CellOf_Position_PicksScreenRegion(double x, double z, string cell)
    {
        Assert.Equal(cell, ScreenGrid.CellNames[ScreenGrid.CellOf(new ChannelPosition(x, 0.7, z))]);
    }

    [Fact]
    public void Area_Corners_HugTheBorders()
    {
        Assert.Equal((0f, 0f, 0.25f, 0.25f), ScreenGrid.Area(0));
        Assert.Equal((0.25f, 0.25f, 0.5f, 0.5f), ScreenGrid.Area(4));
        Assert.Equal((0.75f, 0.75f, 0.25f, 0.25f), ScreenGrid.Area(8));
    }

    [Fact]
    public void HueChannelMap_ExplicitThenGrid_PicksLightIndex()
    {
        var map = new HueChannelMap(["sofa", "hue0:left", "hue0:top-right"], new Dictionary<int, string> { [3] = "sofa" }, "hue0:");

        Assert.Equal(0, map.LightIndexOf(new EntertainmentChannel(3, new ChannelPosition(-1, 0, 0), [])));
        Assert.Equal(1, map.LightIndexOf(new EntertainmentChannel(0, new ChannelPosition(-1, 0, 0), [])));
        Assert.Equal(2, map.LightIndexOf(new EntertainmentChannel(1, new ChannelPosition(1, 0, 1), [])));
        Assert.Equal(-1, map.LightIndexOf(new EntertainmentChannel(2, new ChannelPosition(0, 0, -1), [])));
    }
}
