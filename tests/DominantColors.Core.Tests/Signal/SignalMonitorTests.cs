using DominantColors.Colors;
using DominantColors.Core.Tests.Regions;
using DominantColors.Frames;
using DominantColors.Signal;
using DominantColors.Testing;

namespace DominantColors.Core.Tests.Signal;

public sealed class SignalMonitorTests
{
    private const long Frequency = 1000;

    private static SignalMonitor Create(Rgb24 idle = default) => new(
        new SignalMonitorSettings { BlackTimeout = TimeSpan.FromSeconds(5), FadeTime = TimeSpan.FromSeconds(2), IdleColor = idle },
        Frequency);

    [Fact]
    public void Observe_BlackShorterThanTimeout_KeepsLightsOn()
    {
        var monitor = Create();
        monitor.Observe(black: true, 1000);

        var state = monitor.Observe(black: true, 5999);

        Assert.Equal(SignalState.Waiting, state);
        Assert.Equal(1f, monitor.FadeFactor);
    }

    [Theory]
    [InlineData(6000, 1f)]
    [InlineData(6500, 0.75f)]
    [InlineData(7000, 0.5f)]
    [InlineData(7500, 0.25f)]
    public void Observe_BlackPastTimeout_FadesLinearly(long now, float expected)
    {
        var monitor = Create();
        monitor.Observe(black: true, 1000);

        var state = monitor.Observe(black: true, now);

        Assert.Equal(SignalState.FadingOut, state);
        Assert.Equal(expected, monitor.FadeFactor, 4);
    }

    [Fact]
    public void Observe_BlackPastTimeoutAndFade_GoesDark()
    {
        var monitor = Create();
        monitor.Observe(black: true, 1000);

        var state = monitor.Observe(black: true, 8000);

        Assert.Equal(SignalState.Off, state);
        Assert.Equal(0f, monitor.FadeFactor);
    }

    [Fact]
    public void Observe_PictureReturnsWhileOff_ComesBackAtOnce()
    {
        var monitor = Create();
        monitor.Observe(black: true, 0);
        monitor.Observe(black: true, 60_000);

        var state = monitor.Observe(black: false, 60_033);

        Assert.Equal(SignalState.Picture, state);
        Assert.Equal(1f, monitor.FadeFactor);
    }

    [Fact]
    public void Observe_PictureBetweenBlackStretches_RestartsTimeout()
    {
        var monitor = Create();
        monitor.Observe(black: true, 0);
        monitor.Observe(black: false, 4000);
        monitor.Observe(black: true, 4033);

        var state = monitor.Observe(black: true, 8000);

        Assert.Equal(SignalState.Waiting, state);
    }

    [Fact]
    public void Apply_HalfwayThroughFade_HalvesLinearLight()
    {
        var monitor = Create();
        monitor.Observe(black: true, 0);
        monitor.Observe(black: true, 6000);
        Span<Rgb24> colors = [new Rgb24(255, 255, 255), new Rgb24(255, 0, 0)];

        monitor.Apply(colors);

        // Linear 0.5 is sRGB 187.5.
        Assert.Equal(new Rgb24(188, 188, 188), colors[0]);
        Assert.Equal(new Rgb24(188, 0, 0), colors[1]);
    }

    [Fact]
    public void Apply_Off_ShowsIdleColor()
    {
        var idle = new Rgb24(40, 20, 10);
        var monitor = Create(idle);
        monitor.Observe(black: true, 0);
        monitor.Observe(black: true, 10_000);
        Span<Rgb24> colors = [new Rgb24(200, 100, 0)];

        monitor.Apply(colors);

        Assert.Equal(idle, colors[0]);
    }

    [Fact]
    public void Apply_Picture_LeavesColors()
    {
        var monitor = Create();
        monitor.Observe(black: false, 0);
        Span<Rgb24> colors = [new Rgb24(200, 100, 3)];

        monitor.Apply(colors);

        Assert.Equal(new Rgb24(200, 100, 3), colors[0]);
    }

    [Fact]
    public void IsBlack_BlackFrameWithSmallLogo_IsBlack()
    {
        var monitor = Create();
        using var frame = GeneratedFrames.Picture(new PixelRect(30, 16, 3, 3));

        Assert.True(monitor.IsBlack(frame));
    }

    [Fact]
    public void IsBlack_LetterboxedPicture_IsNotBlack()
    {
        var monitor = Create();
        using var frame = GeneratedFrames.Picture(GeneratedFrames.Letterbox);

        Assert.False(monitor.IsBlack(frame));
    }

    [Fact]
    public void IsBlack_LimitedRangeBlack_IsBlack()
    {
        var monitor = Create();
        using var frame = GeneratedFrames.Picture(default);
        GeneratedFrames.Fill(frame, PixelRect.Whole(frame.Width, frame.Height), new Rgb24(16, 16, 16));

        Assert.True(monitor.IsBlack(frame));
    }

    [Fact]
    public void ObserveAndApply_SteadyState_AllocateNothing()
    {
        var monitor = Create();
        var colors = new Rgb24[8];

        Assert.Equal(0, SteadyStateAllocation.LeastPerRound(i =>
        {
            monitor.Observe(black: true, i * 33L);
            colors.AsSpan().Fill(new Rgb24(100, 150, 200));
            monitor.Apply(colors);
        }));
    }
}
