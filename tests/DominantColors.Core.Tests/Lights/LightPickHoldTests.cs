using DominantColors.Colors;
using DominantColors.Lights;
using DominantColors.Palettes;

namespace DominantColors.Core.Tests.Lights;

/// <summary>
/// The hold on generated palette sequences at 10 frames per second, timestamps in microseconds. Slot 0 and slot 1
/// stand for two tracked clusters of equal chroma (so their colorfulness scores go with the square root of their shares).
/// </summary>
public sealed class LightPickHoldTests
{
    private const long Frequency = 1_000_000;
    private const long FrameTicks = Frequency / 10;

    /// <summary>Two colors of the same OKLab lightness and chroma on opposite hues: an orange and a teal.</summary>
    private static readonly Rgb24 Warm = ColorSpaces.ToRgb24(new OkLab(0.7f, 0.1f, 0.07f));
    private static readonly Rgb24 Cool = ColorSpaces.ToRgb24(new OkLab(0.7f, -0.1f, -0.07f));

    public static TheoryData<string> Picks => ["dominant", "accent", "rank:2"];

    [Theory]
    [MemberData(nameof(Picks))]
    public void Select_AlternatingNearEqualShares_NeverSwitches(string pickText)
    {
        var pick = LightPick.Parse(pickText);
        var hold = new LightPickHold(1, new LightPickHoldSettings(), Frequency);
        var flipping = Palette.FromColors([Warm, Cool], [0.52, 0.48]);
        var flopping = Palette.FromColors([Warm, Cool], [0.48, 0.52]);
        var raw = new List<Rgb24>();
        var held = new List<Rgb24>();

        for (var frame = 0; frame < 53; frame++)
        {
            var palette = frame % 2 == 0 ? flipping : flopping;
            raw.Add(pick.Apply(palette));
            held.Add(hold.Select(0, pick, palette, sceneCut: frame == 0, frame * FrameTicks).Color);
        }

        Assert.Equal(52, Switches(raw));
        Assert.Equal(0, Switches(held));
    }

    [Theory]
    [MemberData(nameof(Picks))]
    public void Select_ClearChange_SwitchesWhenTheHoldEnds(string pickText)
    {
        var pick = LightPick.Parse(pickText);
        var hold = new LightPickHold(1, new LightPickHoldSettings { Hold = TimeSpan.FromMilliseconds(300) }, Frequency);
        var before = Palette.FromColors([Warm, Cool], [0.52, 0.48]);
        var after = Palette.FromColors([Warm, Cool], [0.35, 0.65]);
        var first = hold.Select(0, pick, before, sceneCut: true, 0).Color;
        const int Change = 10;

        var switchedAt = -1;
        for (var frame = 1; frame < 30 && switchedAt < 0; frame++)
        {
            var shown = hold.Select(0, pick, frame < Change ? before : after, sceneCut: false, frame * FrameTicks).Color;
            switchedAt = shown == first ? -1 : frame;
        }

        // Clear from frame 10 on: 100, 200 ms in, still held; 300 ms in, the hold is over.
        Assert.Equal(Change + 3, switchedAt);
        Assert.Equal(pick.Apply(after), hold.Select(0, pick, after, sceneCut: false, 30 * FrameTicks).Color);
    }

    [Fact]
    public void Select_ClearChangeShorterThanTheHold_DoesNotSwitch()
    {
        var hold = new LightPickHold(1, new LightPickHoldSettings(), Frequency);
        var steady = Palette.FromColors([Warm, Cool], [0.6, 0.4]);
        var flash = Palette.FromColors([Warm, Cool], [0.3, 0.7]);
        hold.Select(0, LightPick.Dominant, steady, sceneCut: true, 0);

        // Two flashes of 200 ms each, 100 ms apart: neither lasts the 300 ms hold, and the gap restarts it.
        int[] flashFrames = [5, 6, 8, 9];
        var shown = new List<Rgb24>();
        for (var frame = 1; frame < 20; frame++)
        {
            var palette = flashFrames.Contains(frame) ? flash : steady;
            shown.Add(hold.Select(0, LightPick.Dominant, palette, sceneCut: false, frame * FrameTicks).Color);
        }

        Assert.All(shown, color => Assert.Equal(Warm, color));
    }

    [Theory]
    [MemberData(nameof(Picks))]
    public void Select_SceneCut_SwitchesAtOnce(string pickText)
    {
        var pick = LightPick.Parse(pickText);
        var hold = new LightPickHold(1, new LightPickHoldSettings(), Frequency);
        var before = Palette.FromColors([Warm, Cool], [0.55, 0.45]);
        var cut = Palette.FromColors([Warm, Cool], [0.45, 0.55]);
        for (var frame = 0; frame < 5; frame++)
        {
            hold.Select(0, pick, before, sceneCut: frame == 0, frame * FrameTicks);
        }

        var held = hold.Select(0, pick, cut, sceneCut: false, 5 * FrameTicks);
        var afterCut = hold.Select(0, pick, cut, sceneCut: true, 6 * FrameTicks);

        Assert.Equal(pick.Apply(before), held.Color);
        Assert.Equal(pick.Apply(cut), afterCut.Color);
        Assert.NotEqual(held.Color, afterCut.Color);
    }

    [Fact]
    public void Select_FollowedClusterLeavesThePicture_SwitchesAtOnce()
    {
        var hold = new LightPickHold(1, new LightPickHoldSettings(), Frequency);
        hold.Select(0, LightPick.Dominant, Palette.FromColors([Warm, Cool], [0.6, 0.4]), sceneCut: true, 0);

        var shown = hold.Select(0, LightPick.Dominant, Palette.FromColors([Warm, Cool], [0, 1]), sceneCut: false, FrameTicks);

        Assert.Equal(Cool, shown.Color);
        Assert.Equal(1, hold.HeldSlot(0));
    }

    [Fact]
    public void Select_FilterSkipsTheFollowedCluster_SwitchesAtOnce()
    {
        var dark = ColorSpaces.ToRgb24(new OkLab(0.3f, 0.1f, 0.07f));
        var hold = new LightPickHold(1, new LightPickHoldSettings(), Frequency);
        hold.Select(0, LightPick.Dominant, Palette.FromColors([dark, Cool], [0.6, 0.4]), sceneCut: true, 0);

        // The scene darkens: the followed cluster sinks under the filter's black level.
        var palette = Palette.FromColors([Rgb24.Black, Cool], [0.6, 0.4]);
        var shown = hold.Select(0, LightPick.Dominant, palette, sceneCut: false, FrameTicks, PaletteFilter.NoBlackOrWhite);

        Assert.Equal(Cool, shown.Color);
    }

    [Fact]
    public void Select_PickChanges_TakesTheNewChoiceAtOnce()
    {
        var hold = new LightPickHold(1, new LightPickHoldSettings(), Frequency);
        var palette = Palette.FromColors([Warm, Cool], [0.52, 0.48]);
        hold.Select(0, LightPick.Dominant, palette, sceneCut: true, 0);

        var shown = hold.Select(0, LightPick.AtRank(2), palette, sceneCut: false, FrameTicks);

        Assert.Equal(Cool, shown.Color);
    }

    [Fact]
    public void Select_EmptyPalette_GivesBlackAndKeepsTheCluster()
    {
        var hold = new LightPickHold(1, new LightPickHoldSettings(), Frequency);
        hold.Select(0, LightPick.Dominant, Palette.FromColors([Warm, Cool], [0.52, 0.48]), sceneCut: true, 0);

        var empty = hold.Select(0, LightPick.Dominant, Palette.Empty, sceneCut: false, FrameTicks);
        var next = hold.Select(0, LightPick.Dominant, Palette.FromColors([Warm, Cool], [0.48, 0.52]), sceneCut: false, 2 * FrameTicks);

        Assert.Equal(default, empty);
        Assert.Equal(Warm, next.Color);
    }

    [Fact]
    public void Select_NoHold_SwitchesOnTheFirstClearFrameOnly()
    {
        var hold = new LightPickHold(1, new LightPickHoldSettings { Hold = TimeSpan.Zero }, Frequency);
        hold.Select(0, LightPick.Dominant, Palette.FromColors([Warm, Cool], [0.52, 0.48]), sceneCut: true, 0);

        var near = hold.Select(0, LightPick.Dominant, Palette.FromColors([Warm, Cool], [0.48, 0.52]), sceneCut: false, FrameTicks);
        var clear = hold.Select(0, LightPick.Dominant, Palette.FromColors([Warm, Cool], [0.4, 0.6]), sceneCut: false, 2 * FrameTicks);

        Assert.Equal(Warm, near.Color);
        Assert.Equal(Cool, clear.Color);
    }

    [Fact]
    public void Select_LightsAreIndependent()
    {
        var hold = new LightPickHold(2, new LightPickHoldSettings(), Frequency);
        var palette = Palette.FromColors([Warm, Cool], [0.52, 0.48]);
        hold.Select(0, LightPick.Dominant, palette, sceneCut: true, 0);

        var other = hold.Select(1, LightPick.Dominant, Palette.FromColors([Warm, Cool], [0.48, 0.52]), sceneCut: false, FrameTicks);

        Assert.Equal(Cool, other.Color);
        Assert.Equal(0, hold.HeldSlot(0));
    }

    [Fact]
    public void Select_LightOutOfRange_Throws()
    {
        var hold = new LightPickHold(1, new LightPickHoldSettings(), Frequency);

        Assert.Throws<ArgumentOutOfRangeException>(() => hold.Select(1, LightPick.Dominant, Palette.Empty, sceneCut: false, 0));
    }

    private static int Switches(List<Rgb24> colors)
    {
        var switches = 0;
        for (var i = 1; i < colors.Count; i++)
        {
            switches += colors[i] == colors[i - 1] ? 0 : 1;
        }

        return switches;
    }
}
