using DominantColors.Colors;
using DominantColors.Frames;
using DominantColors.Lights;
using DominantColors.Palettes;
using DominantColors.Testing.Imaging;

namespace DominantColors.Core.Tests.Lights;

/// <summary>
/// The hold behind the real palette tracker, on generated 64x36 frames at 10 frames per second: a picture split into
/// a red part on the left and a blue part on the right, the split moving as the test says.
/// </summary>
public sealed class LightPickHoldTrackerTests
{
    private const int Width = 64;
    private const int Height = 36;
    private const long Frequency = 1_000_000;
    private const long FrameTicks = Frequency / 10;

    private static readonly Rgb24 Red = new(200, 30, 30);
    private static readonly Rgb24 Blue = new(30, 60, 200);
    private static readonly Rgb24 Orange = new(230, 120, 20);
    private static readonly Rgb24 Green = new(40, 180, 60);

    /// <summary>Clean pictures with the default options (two colors: two clusters), and noisy ones with two clusters asked.</summary>
    public static TheoryData<int, int> Pictures => new() { { 0, ExtractionOptions.Default.Colors }, { 6, 2 } };

    [Theory]
    [MemberData(nameof(Pictures))]
    public void Update_RedAndBlueAlternating52And48_LightNeverSwitches(int noise, int colors)
    {
        var tracker = new PaletteTracker(new ExtractionOptions { Colors = colors });
        var hold = new LightPickHold(1, new LightPickHoldSettings(), Frequency);
        var raw = new List<bool>();
        var held = new List<bool>();

        for (var frame = 0; frame < 53; frame++)
        {
            var palette = tracker.Update(Split(Red, Blue, frame % 2 == 0 ? 0.52 : 0.48, noise, frame));
            raw.Add(IsRed(LightPick.Dominant.Apply(palette)));
            held.Add(IsRed(hold.Select(0, LightPick.Dominant, palette, SceneCut(tracker), frame * FrameTicks).Color));
        }

        Assert.Equal(52, Switches(raw));
        Assert.Equal(0, Switches(held));
    }

    [Theory]
    [MemberData(nameof(Pictures))]
    public void Update_BlueGrowsTo70_LightSwitchesWithinTheHold(int noise, int colors)
    {
        var tracker = new PaletteTracker(new ExtractionOptions { Colors = colors });
        var hold = new LightPickHold(1, new LightPickHoldSettings(), Frequency);
        const int Change = 10;

        var switchedAt = -1;
        for (var frame = 0; frame < 30 && switchedAt < 0; frame++)
        {
            var red = frame < Change ? (frame % 2 == 0 ? 0.52 : 0.48) : 0.3;
            var palette = tracker.Update(Split(Red, Blue, red, noise, frame));
            Assert.False(frame > 0 && SceneCut(tracker), $"frame {frame} is no cut");
            var shown = hold.Select(0, LightPick.Dominant, palette, SceneCut(tracker), frame * FrameTicks).Color;
            switchedAt = IsRed(shown) ? -1 : frame;
        }

        // The default hold is 300 ms: three frames after the change at 10 fps.
        Assert.Equal(Change + 3, switchedAt);
    }

    [Theory]
    [MemberData(nameof(Pictures))]
    public void Update_SceneCut_LightSwitchesOnTheCutFrame(int noise, int colors)
    {
        var tracker = new PaletteTracker(new ExtractionOptions { Colors = colors });
        var hold = new LightPickHold(1, new LightPickHoldSettings(), Frequency);
        for (var frame = 0; frame < 10; frame++)
        {
            var palette = tracker.Update(Split(Red, Blue, 0.6, noise, frame));
            Assert.Equal(Red, Nearest(hold.Select(0, LightPick.Dominant, palette, SceneCut(tracker), frame * FrameTicks).Color, Red, Blue));
        }

        // A new scene: orange (which takes red's slot, being nearest to it) on a third, green on the rest.
        var cut = tracker.Update(Split(Orange, Green, 0.33, noise, 10));
        var shown = hold.Select(0, LightPick.Dominant, cut, SceneCut(tracker), 10 * FrameTicks).Color;

        Assert.True(tracker.LastWasSceneCut);
        Assert.Equal(Green, Nearest(shown, Orange, Green));
    }

    private static bool SceneCut(PaletteTracker tracker) => tracker.LastWasColdStart || tracker.LastWasSceneCut;

    private static bool IsRed(Rgb24 color) => Nearest(color, Red, Blue) == Red;

    private static Rgb24 Nearest(Rgb24 color, Rgb24 x, Rgb24 y)
    {
        var lab = ColorSpaces.ToOkLab(color);
        return ColorSpaces.DistanceSquared(lab, ColorSpaces.ToOkLab(x)) <= ColorSpaces.DistanceSquared(lab, ColorSpaces.ToOkLab(y)) ? x : y;
    }

    /// <summary>The left <paramref name="leftShare"/> of the columns in <paramref name="left"/>, the rest in <paramref name="right"/>, each channel ± <paramref name="noise"/>.</summary>
    private static Rgb24Image Split(Rgb24 left, Rgb24 right, double leftShare, int noise, int frame)
    {
        var pixels = new byte[Width * Height * 3];
        var random = new TestRandom((ulong)frame + 1);
        var split = (int)Math.Round(leftShare * Width);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var color = x < split ? left : right;
                var o = ((y * Width) + x) * 3;
                pixels[o] = Noisy(color.R, noise, ref random);
                pixels[o + 1] = Noisy(color.G, noise, ref random);
                pixels[o + 2] = Noisy(color.B, noise, ref random);
            }
        }

        return new Rgb24Image(pixels, Width, Height);
    }

    private static byte Noisy(byte value, int noise, ref TestRandom random) =>
        noise == 0 ? value : (byte)Math.Clamp(value + random.Next((2 * noise) + 1) - noise, 0, 255);

    private static int Switches(List<bool> picks)
    {
        var switches = 0;
        for (var i = 1; i < picks.Count; i++)
        {
            switches += picks[i] == picks[i - 1] ? 0 : 1;
        }

        return switches;
    }
}
