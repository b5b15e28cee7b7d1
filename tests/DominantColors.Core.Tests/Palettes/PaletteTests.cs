using DominantColors.Colors;
using DominantColors.Palettes;

namespace DominantColors.Core.Tests.Palettes;

public sealed class PaletteTests
{
    private static readonly Rgb24 Grey = new(128, 128, 128);
    private static readonly Rgb24 Blue = new(20, 60, 255);
    private static readonly Rgb24 Black = new(2, 2, 2);
    private static readonly Rgb24 White = new(250, 250, 250);

    [Fact]
    public void Entries_AreSortedByWeightAndSlotsKeepTheirOrder()
    {
        var palette = Make((Grey, 1), (Blue, 3), (Black, 2));

        Assert.Equal([Blue, Black, Grey], palette.Entries.ToArray().Select(e => e.Color));
        Assert.Equal([Grey, Blue, Black], palette.BySlot.ToArray().Select(e => e.Color));
        Assert.Equal(0.5f, palette[0].Weight);
    }

    [Fact]
    public void Accent_SmallVividBlueAndLargeGrey_PicksTheBlue()
    {
        var palette = Make((Grey, 90), (Blue, 10));

        Assert.Equal(Grey, palette.Dominant().Color);
        Assert.Equal(Blue, palette.Accent().Color);
    }

    [Fact]
    public void Dominant_ExcludingNearBlackAndWhite_SkipsThem()
    {
        var palette = Make((Black, 50), (White, 30), (Grey, 20));

        Assert.Equal(Black, palette.Dominant().Color);
        Assert.Equal(Grey, palette.Dominant(PaletteFilter.NoBlackOrWhite).Color);
        Assert.Equal(White, palette.Dominant(new PaletteFilter(0.15f, 0f)).Color);
    }

    [Fact]
    public void Dominant_FilterExcludesEverything_FallsBackToTheHeaviest()
    {
        var palette = Make((Black, 1));

        Assert.Equal(Black, palette.Dominant(PaletteFilter.NoBlackOrWhite).Color);
        Assert.Equal(Black, palette.Accent(PaletteFilter.NoBlackOrWhite).Color);
    }

    [Fact]
    public void Rank_PastTheEnd_ClampsToTheLast()
    {
        var palette = Make((Grey, 2), (Blue, 1));

        Assert.Equal(Grey, palette.Rank(0).Color);
        Assert.Equal(Blue, palette.Rank(1).Color);
        Assert.Equal(Blue, palette.Rank(7).Color);
        Assert.Throws<ArgumentOutOfRangeException>(() => palette[2]);
    }

    [Fact]
    public void Hex_Entry_IsLowerCaseRgb() => Assert.Equal("#143cff", Make((Blue, 1))[0].Hex);

    [Fact]
    public void Empty_Selections_GiveBlackWithNoWeight()
    {
        Assert.True(Palette.Empty.IsEmpty);
        Assert.Equal(default, Palette.Empty.Dominant());
        Assert.Equal(default, Palette.Empty.Accent());
        Assert.Equal(default, Palette.Empty.Rank(3));
    }

    private static Palette Make(params (Rgb24 Color, double Weight)[] clusters)
    {
        var labs = clusters.Select(c => ColorSpaces.ToOkLab(c.Color)).ToArray();
        var palette = new Palette(clusters.Length);
        palette.Set(
            labs.Select(l => l.L).ToArray(),
            labs.Select(l => l.A).ToArray(),
            labs.Select(l => l.B).ToArray(),
            clusters.Select(c => c.Weight).ToArray());
        return palette;
    }
}
