using DominantColors.Colors;
using DominantColors.Frames;
using DominantColors.Palettes;
using DominantColors.Testing;
using DominantColors.Testing.Imaging;

namespace DominantColors.Core.Tests.Palettes;

public sealed class PaletteTrackerTests
{
    private const int Width = 160;
    private const int Height = 90;

    [Fact]
    public void Update_NoisySequenceWithACut_KeepsSlotsThenStartsColdOnTheCut()
    {
        const int Cut = 12;
        var tracker = new PaletteTracker(new ExtractionOptions { Colors = 6 });
        OkLab[]? previous = null;
        for (var frame = 0; frame < 24; frame++)
        {
            var scene = frame < Cut ? 4 : 11;
            var pixels = SyntheticFrames.Scene(Width, Height, scene, frame, noise: 16);

            var palette = tracker.Update(new Rgb24Image(pixels, Width, Height));

            var slots = palette.BySlot.ToArray().Select(e => e.Lab).ToArray();
            if (frame == 0)
            {
                Assert.True(tracker.LastWasColdStart);
                Assert.Equal(0, tracker.FramesSinceColdStart);
            }
            else if (frame == Cut)
            {
                Assert.True(tracker.LastWasSceneCut, $"the cut at frame {frame} was not seen (error {tracker.LastErrorPerPixel:g4}, cold {tracker.LastWasColdStart})");
            }
            else
            {
                Assert.False(tracker.LastWasSceneCut, $"frame {frame} is no cut");
                Assert.False(tracker.LastWasColdStart);
                // Same scene, new noise: every slot stays near its own previous center, nearer than to any other.
                for (var s = 0; s < slots.Length; s++)
                {
                    var own = ColorSpaces.DistanceSquared(slots[s], previous![s]);
                    Assert.True(own < 0.03f * 0.03f, $"frame {frame}, slot {s} moved by {MathF.Sqrt(own):f4}");
                    for (var o = 0; o < previous.Length; o++)
                    {
                        Assert.True(o == s || own < ColorSpaces.DistanceSquared(slots[s], previous[o]), $"frame {frame}, slot {s} took slot {o}'s place");
                    }
                }
            }

            Assert.Equal(frame == Cut, tracker.LastWasSceneCut);
            previous = slots;
        }
    }

    [Fact]
    public void Update_SteadyState_AllocatesNothing()
    {
        var tracker = new PaletteTracker(new ExtractionOptions { Colors = 8 });
        var frames = Enumerable.Range(0, 4).Select(f => SyntheticFrames.Scene(320, 180, 2, f)).ToArray();
        foreach (var frame in frames)
        {
            tracker.Update(new Rgb24Image(frame, 320, 180));
        }

        Assert.Equal(0, SteadyStateAllocation.LeastPerRound(i => tracker.Update(new Rgb24Image(frames[i % frames.Length], 320, 180)), callsPerRound: 20));
    }

    [Fact]
    public void Update_ReturnsTheSameInstanceEachFrame()
    {
        var tracker = new PaletteTracker(ExtractionOptions.Default);
        var pixels = SyntheticFrames.Scene(64, 36, 1);

        var first = tracker.Update(new Rgb24Image(pixels, 64, 36));
        var kept = first.Clone();
        var second = tracker.Update(new Rgb24Image(SyntheticFrames.Scene(64, 36, 7), 64, 36));

        Assert.Same(first, second);
        Assert.NotSame(kept, second);
        Assert.Equal(3, kept.Count);
    }

    [Fact]
    public void Update_BlackThenColorful_GrowsBackToKWithoutNaN()
    {
        var tracker = new PaletteTracker(new ExtractionOptions { Colors = 5 });
        var black = new byte[64 * 36 * 3];

        var dark = tracker.Update(new Rgb24Image(black, 64, 36));
        Assert.Equal(1, dark.Count);
        var lit = tracker.Update(new Rgb24Image(SyntheticFrames.Scene(64, 36, 3), 64, 36));

        Assert.Equal(5, lit.Count);
        Assert.All(lit.BySlot.ToArray(), e => Assert.False(float.IsNaN(e.Lab.L)));
        Assert.True(tracker.LastWasSceneCut);
    }

    [Fact]
    public void Update_ColorfulThenBlack_KeepsOneColorAndEmptySlots()
    {
        var tracker = new PaletteTracker(new ExtractionOptions { Colors = 4 });
        tracker.Update(new Rgb24Image(SyntheticFrames.Scene(64, 36, 3), 64, 36));

        var dark = tracker.Update(new Rgb24Image(new byte[64 * 36 * 3], 64, 36));

        Assert.Equal(1, dark.Count);
        Assert.Equal(Rgb24.Black, dark.Dominant().Color);
        Assert.Equal(1f, dark.Dominant().Weight);
        Assert.All(dark.BySlot.ToArray(), e => Assert.False(float.IsNaN(e.Weight)));
    }

    [Fact]
    public void Reset_AfterFrames_StartsColdAgain()
    {
        var tracker = new PaletteTracker(ExtractionOptions.Default);
        var image = SyntheticFrames.Scene(64, 36, 5);
        tracker.Update(new Rgb24Image(image, 64, 36));
        tracker.Update(new Rgb24Image(image, 64, 36));
        Assert.Equal(1, tracker.FramesSinceColdStart);

        tracker.Reset();
        tracker.Update(new Rgb24Image(image, 64, 36));

        Assert.True(tracker.LastWasColdStart);
        Assert.Equal(0, tracker.FramesSinceColdStart);
    }

    [Fact]
    public void Update_ZeroByZero_GivesAnEmptyPalette()
    {
        var tracker = new PaletteTracker(ExtractionOptions.Default);

        Assert.True(tracker.Update(new Rgb24Image([], 0, 0)).IsEmpty);
    }
}
