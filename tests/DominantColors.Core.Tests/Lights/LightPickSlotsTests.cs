using DominantColors.Colors;
using DominantColors.Lights;
using DominantColors.Palettes;
using DominantColors.Testing.Imaging;

namespace DominantColors.Core.Tests.Lights;

public sealed class LightPickSlotsTests
{
    public static TheoryData<string> Picks => ["dominant", "accent", "rank:1", "rank:2", "rank:3", "rank:9"];

    /// <summary>Random palettes with repeated shares (ties), empty slots and near-black colors: same cluster as Select.</summary>
    [Theory]
    [MemberData(nameof(Picks))]
    public void SelectSlot_RandomPalettes_ChoosesTheClusterSelectReturns(string pickText)
    {
        var pick = LightPick.Parse(pickText);
        var random = new TestRandom(14);
        for (var run = 0; run < 500; run++)
        {
            var count = 1 + random.Next(8);
            var colors = new Rgb24[count];
            var weights = new double[count];
            for (var i = 0; i < count; i++)
            {
                colors[i] = random.Next(4) == 0 ? new Rgb24((byte)random.Next(20), 0, 0) : new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                weights[i] = random.Next(5);
            }

            weights[random.Next(count)] += 1;
            var palette = Palette.FromColors(colors, weights);
            foreach (var filter in new[] { default, PaletteFilter.NoBlackOrWhite })
            {
                var slot = pick.SelectSlot(palette, filter);

                Assert.Equal(pick.Select(palette, filter), palette.BySlot[slot]);
            }
        }
    }

    [Fact]
    public void SelectSlot_EmptyPalette_IsMinusOne()
    {
        Assert.Equal(-1, LightPick.Accent.SelectSlot(Palette.Empty, default));
    }

    [Fact]
    public void Score_Accent_IsChromaTimesRootOfShare()
    {
        var entry = new PaletteEntry(default, new OkLab(0.6f, 0.3f, 0.4f), 0.25f);

        Assert.Equal(0.5f * 0.5f, LightPick.Accent.Score(entry), 5);
        Assert.Equal(0.25f, LightPick.AtRank(2).Score(entry));
    }
}
