using DominantColors.Colors;
using DominantColors.Lights;
using DominantColors.Palettes;

namespace DominantColors.Core.Tests.Lights;

public sealed class LightPickHoldAllocationTests
{
    [Fact]
    public void Select_SteadyState_AllocatesNothing()
    {
        LightPick[] picks = [LightPick.Dominant, LightPick.Accent, LightPick.AtRank(2)];
        var hold = new LightPickHold(picks.Length, new LightPickHoldSettings(), 1000);

        // Near-equal frames (held), a clear change lasting past the hold (switch) and scene cuts: every path.
        Palette[] palettes =
        [
            Palette.FromColors([new Rgb24(200, 30, 30), new Rgb24(30, 60, 200), new Rgb24(128, 128, 128)], [0.4, 0.37, 0.23]),
            Palette.FromColors([new Rgb24(200, 30, 30), new Rgb24(30, 60, 200), new Rgb24(128, 128, 128)], [0.37, 0.4, 0.23]),
            Palette.FromColors([new Rgb24(200, 30, 30), new Rgb24(30, 60, 200), new Rgb24(128, 128, 128)], [0.2, 0.5, 0.3]),
        ];
        var filter = PaletteFilter.NoBlackOrWhite;
        var shown = 0;
        void Run(int frames)
        {
            for (var frame = 0; frame < frames; frame++)
            {
                var palette = palettes[frame / 8 % 2 == 0 ? frame % 2 : 2];
                for (var light = 0; light < picks.Length; light++)
                {
                    shown += hold.Select(light, picks[light], palette, sceneCut: frame % 100 == 0, frame * 100L, filter).Color.R;
                }
            }
        }

        // Enough calls for the methods to reach their final tier before counting.
        Run(5000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(2000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(shown > 0);
    }
}
