using DominantColors.Colors;
using DominantColors.Mqtt.Sink;

namespace DominantColors.Mqtt.Tests.Sink;

public sealed class PublishScheduleTests
{
    private const long Second = 1000;
    private static readonly Rgb24 Orange = new(255, 136, 0);

    private readonly PublishSchedule _schedule = new(1, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30), 0.02f, Second);

    [Fact]
    public void ShouldSend_NothingSentYet_IsTrue() => Assert.True(_schedule.ShouldSend(0, Orange, 0));

    [Fact]
    public void ShouldSend_InvisibleChange_IsFalse()
    {
        _schedule.MarkSent(0, Orange, 0);

        Assert.False(_schedule.ShouldSend(0, new Rgb24(254, 136, 1), 10 * Second));
    }

    [Fact]
    public void ShouldSend_VisibleChangeWithinRateInterval_WaitsForTheInterval()
    {
        _schedule.MarkSent(0, Orange, 0);
        var blue = new Rgb24(0, 0, 255);

        Assert.False(_schedule.ShouldSend(0, blue, 100));
        Assert.Equal(250, _schedule.NextDue([blue]));
        Assert.True(_schedule.ShouldSend(0, blue, 250));
    }

    [Fact]
    public void ShouldSend_DimToDark_IsAlwaysVisible()
    {
        var dim = new Rgb24(1, 0, 0);
        _schedule.MarkSent(0, dim, 0);

        Assert.True(_schedule.ShouldSend(0, Rgb24.Black, Second));
    }

    [Fact]
    public void ShouldSend_UnchangedAfterKeepAlive_SendsAgain()
    {
        _schedule.MarkSent(0, Orange, 0);

        Assert.Equal(30 * Second, _schedule.NextDue([Orange]));
        Assert.False(_schedule.ShouldSend(0, Orange, (30 * Second) - 1));
        Assert.True(_schedule.ShouldSend(0, Orange, 30 * Second));
    }

    [Fact]
    public void Reset_AfterReconnect_SendsEverythingAtOnce()
    {
        _schedule.MarkSent(0, Orange, 0);
        _schedule.Reset();

        Assert.True(_schedule.ShouldSend(0, Orange, 1));
        Assert.Equal(0, _schedule.NextDue([Orange]));
    }
}
