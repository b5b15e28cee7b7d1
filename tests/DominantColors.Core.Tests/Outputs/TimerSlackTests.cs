using DominantColors.Outputs;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Core.Tests.Outputs;

public sealed class TimerSlackTests
{
    [Fact]
    public void For_SystemClock_IsTheLongestKernelTick()
    {
        // .NET's timer queue reads CLOCK_MONOTONIC_COARSE, which moves one kernel tick at a time: 10 ms at HZ=100.
        Assert.Equal(TimeSpan.FromMilliseconds(10), TimerSlack.For(TimeProvider.System));
    }

    [Fact]
    public void For_FakeClock_IsNone()
    {
        // A fake clock fires its timers exactly when advanced to them, so tests step to a deadline and see it met.
        Assert.Equal(TimeSpan.Zero, TimerSlack.For(new FakeTimeProvider()));
    }
}
