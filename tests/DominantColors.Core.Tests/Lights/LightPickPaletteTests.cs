using DominantColors.Colors;
using DominantColors.Lights;
using DominantColors.Palettes;

namespace DominantColors.Core.Tests.Lights;

public sealed class LightPickPaletteTests
{
    private static readonly Rgb24 Grey = new(128, 128, 128);
    private static readonly Rgb24 Navy = new(20, 30, 90);
    private static readonly Rgb24 Orange = new(255, 120, 0);
    private static readonly Rgb24 Black = new(0, 0, 0);

    [Fact]
    public void Apply_Dominant_ReturnsHeaviestColor()
    {
        var palette = Build((Grey, 0.5), (Navy, 0.3), (Orange, 0.2));

        Assert.Equal(Grey, LightPick.Dominant.Apply(palette));
    }

    [Fact]
    public void Apply_Accent_PrefersVividOverHeavyGrey()
    {
        var palette = Build((Grey, 0.5), (Navy, 0.3), (Orange, 0.2));

        Assert.Equal(Orange, LightPick.Accent.Apply(palette));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(9, 2)]
    public void Apply_Rank_CountsFromOneAndStopsAtLast(int rank, int expectedIndex)
    {
        Rgb24[] byWeight = [Grey, Navy, Orange];
        var palette = Build((Grey, 0.5), (Navy, 0.3), (Orange, 0.2));

        Assert.Equal(byWeight[expectedIndex], LightPick.AtRank(rank).Apply(palette));
    }

    [Fact]
    public void Apply_DominantWithFilter_SkipsLetterboxBlack()
    {
        var palette = Build((Black, 0.6), (Navy, 0.4));

        Assert.Equal(Navy, LightPick.Dominant.Apply(palette, PaletteFilter.NoBlackOrWhite));
    }

    [Fact]
    public void Apply_EmptyPalette_GivesBlack()
    {
        Assert.Equal(Rgb24.Black, LightPick.Parse("rank:2").Apply(Palette.Empty));
    }

    private static Palette Build(params (Rgb24 Color, double Weight)[] entries)
    {
        var l = new float[entries.Length];
        var a = new float[entries.Length];
        var b = new float[entries.Length];
        var weights = new double[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var lab = ColorSpaces.ToOkLab(entries[i].Color);
            (l[i], a[i], b[i], weights[i]) = (lab.L, lab.A, lab.B, entries[i].Weight);
        }

        var palette = new Palette(entries.Length);
        palette.Set(l, a, b, weights);
        return palette;
    }
}
