using DominantColors.Hue.Streaming;

namespace DominantColors.Hue.Tests.Streaming;

public sealed class FramePacerTests
{
    private const long Interval = 20_000;

    [Fact]
    public void Advance_LateWakeUps_KeepDeadlinesOnTheGrid()
    {
        var pacer = new FramePacer(Interval);
        pacer.Start(1_000);

        // Each frame goes out a little late (0.3 to 0.9 of a slot's tenth); deadlines must not inherit it.
        long[] lateness = [300, 1_900, 50, 1_200, 700];
        for (var n = 0; n < lateness.Length; n++)
        {
            var due = pacer.Next;
            pacer.Advance(due + lateness[n]);
            Assert.Equal(1_000 + ((n + 2) * Interval), pacer.Next);
        }

        Assert.Equal(0, pacer.Skipped);
    }

    [Fact]
    public void Advance_StallOfSeveralSlots_SkipsThemInsteadOfBursting()
    {
        var pacer = new FramePacer(Interval);
        pacer.Start(0);
        var due = pacer.Next; // 20 000

        // The frame due at 20 000 was only done at 87 000: slots 40 000, 60 000 and 80 000 are gone.
        pacer.Advance(87_000);

        Assert.Equal(100_000, pacer.Next);
        Assert.Equal(3, pacer.Skipped);
        Assert.True(pacer.Next - 87_000 <= Interval);
        Assert.Equal(0, (pacer.Next - due) % Interval);
    }

    [Fact]
    public void Advance_DoneExactlyAtNextSlot_SkipsThatSlot()
    {
        var pacer = new FramePacer(Interval);
        pacer.Start(0);

        pacer.Advance(2 * Interval);

        Assert.Equal(3 * Interval, pacer.Next);
        Assert.Equal(1, pacer.Skipped);
    }

    [Fact]
    public void Start_Again_ForgetsSkippedSlots()
    {
        var pacer = new FramePacer(Interval);
        pacer.Start(0);
        pacer.Advance(10 * Interval);

        pacer.Start(500);

        Assert.Equal(0, pacer.Skipped);
        Assert.Equal(500 + Interval, pacer.Next);
    }
}
