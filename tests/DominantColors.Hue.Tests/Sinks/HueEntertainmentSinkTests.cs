using DominantColors.Colors;
using DominantColors.Hue.Colors;
using DominantColors.Hue.Sinks;
using DominantColors.Testing.Hue;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Hue.Tests.Sinks;

public sealed class HueEntertainmentSinkTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly Rgb24 Red = new(255, 0, 0);
    private static readonly Rgb24 Blue = new(0, 0, 255);

    [Fact]
    public async Task RunAsync_SteadyColors_StreamsEveryIntervalWithEachChannelsColor()
    {
        await using var bridge = new FakeHueBridge();
        await using var run = EntertainmentSinkRun.Start(bridge, new HueEntertainmentOptions { Area = "tv area", StreamingPort = bridge.Entertainment.Port }, Red, Rgb24.Black, Blue);

        await bridge.Entertainment.WaitUntilAsync(s => s.Frames.Count >= 25, Wait);

        var server = bridge.Entertainment;
        Assert.Equal(bridge.ApplicationId, server.LastIdentity);
        Assert.Equal(0, server.BadFrames);
        var frame = server.Frames[^1];
        Assert.Equal(1, frame.ColorSpace);
        var expectedRed = new XyColorConverter().Convert(Red, ColorGamut.C);
        Assert.Equal((byte)0, frame.Channels[0].Id);
        Assert.Equal(expectedRed.Xy.X, frame.Channels[0].First / 65535.0, 3);
        Assert.Equal(expectedRed.Brightness, frame.Channels[0].Third / 65535.0, 3);
        // Channel 2 is the gamut-B lamp: blue clamps into B, not C.
        var expectedBlue = new XyColorConverter().Convert(Blue, ColorGamut.B);
        Assert.Equal(expectedBlue.Xy.X, frame.Channels[2].First / 65535.0, 3);
        Assert.Equal(expectedBlue.Xy.Y, frame.Channels[2].Second / 65535.0, 3);
        Assert.Equal(0, frame.Channels[1].Third);
        Assert.Equal(bridge.ApplicationId, bridge.Areas[0].ActiveStreamer);
    }

    [Fact]
    public async Task RunAsync_FullPrimariesAndBlack_BulbsShowPrimariesAtFullLevelAndBlackOff()
    {
        await using var bridge = new FakeHueBridge();
        await using var run = EntertainmentSinkRun.Start(bridge, new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port }, Red, Rgb24.Black, Blue);
        await bridge.Entertainment.WaitUntilAsync(s => s.Frames.Count >= 10, Wait);
        run.Publish(new Rgb24(0, 255, 0), Rgb24.Black, new Rgb24(128, 0, 0));
        await bridge.Entertainment.WaitUntilAsync(s => s.Frames[^1].Channels[0].Second > 30000, Wait);

        // The fake bridge applies each frame as diyHue does: level = brightness high byte, relative to the bulb's most.
        Assert.True(bridge.Lights[0].On);
        Assert.InRange(bridge.Lights[0].Brightness, 90, 100); // full green
        Assert.False(bridge.Lights[1].On);                    // black
        Assert.Equal(50.2, bridge.Lights[2].Brightness, 0.5); // half-code red: its value 128/255, never Y's 0.046
    }

    [Theory]
    [InlineData(255, 0, 0)]
    [InlineData(0, 255, 0)]
    [InlineData(0, 0, 255)]
    public async Task RunAsync_FullPrimary_StreamsBrightnessOfAtLeastNinetyPercent(byte r, byte g, byte b)
    {
        await using var bridge = new FakeHueBridge();
        var color = new Rgb24(r, g, b);
        await using var run = EntertainmentSinkRun.Start(bridge, new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port }, color, color, color);

        await bridge.Entertainment.WaitUntilAsync(s => s.Frames.Count >= 5, Wait);

        var frame = bridge.Entertainment.Frames[^1];
        Assert.All(frame.Channels, c => Assert.InRange(c.Third / 65535.0, 0.9, 1.0));
        Assert.All(bridge.Lights, l => Assert.InRange(l.Brightness, 90, 100));
    }

    [Fact]
    public async Task RunAsync_BridgeCutsSilentStream_ReconnectsAndStreamsAgain()
    {
        await using var bridge = new FakeHueBridge(inactivityTimeout: TimeSpan.FromMilliseconds(300));
        await using var run = EntertainmentSinkRun.Start(bridge, new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port }, Red, Red, Red);
        var server = bridge.Entertainment;
        await server.WaitUntilAsync(s => s.Sessions == 1 && s.Frames.Count > 5, Wait);

        server.Deaf = true;
        await server.WaitUntilAsync(s => s.Cuts == 1, Wait);
        server.Deaf = false;
        var before = server.Frames.Count;
        await server.WaitUntilAsync(s => s.Sessions == 2 && s.Frames.Count > before + 10, Wait);

        Assert.True(bridge.Areas[0].Starts >= 2);
        Assert.Equal(bridge.ApplicationId, bridge.Areas[0].ActiveStreamer);
    }

    [Fact]
    public async Task RunAsync_ApplicationIdRefused_FallsBackToApplicationKey()
    {
        await using var bridge = new FakeHueBridge();
        bridge.Entertainment.AcceptApplicationId = false;
        bridge.Entertainment.AcceptKeyAsIdentity = true;
        await using var run = EntertainmentSinkRun.Start(bridge, new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port }, Red, Red, Red);

        await bridge.Entertainment.WaitUntilAsync(s => s.Frames.Count >= 5, Wait);

        Assert.Equal(bridge.ApplicationKey, bridge.Entertainment.LastIdentity);
        Assert.Equal(1, bridge.Entertainment.RejectedHandshakes);
    }

    [Fact]
    public async Task RunAsync_ColorsBlackLongEnough_ReleasesAreaAndResumesOnColor()
    {
        await using var bridge = new FakeHueBridge();
        var options = new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port, PauseAfterBlack = TimeSpan.FromMilliseconds(200) };
        await using var run = EntertainmentSinkRun.Start(bridge, options, Rgb24.Black, Rgb24.Black, Rgb24.Black);
        var server = bridge.Entertainment;

        // The stop is a REST request: re-checked after each one the bridge answers.
        await bridge.WaitUntilAsync(b => b.Entertainment.Sessions == 1 && b.Areas[0].Stops >= 1, Wait);
        Assert.Null(bridge.Areas[0].ActiveStreamer);

        run.Publish(Red, Red, Red);
        await server.WaitUntilAsync(s => s.Sessions == 2 && s.Frames[^1].Channels[0].Third > 0, Wait);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsAreaAndRestoresLights()
    {
        await using var bridge = new FakeHueBridge();
        var before = (bridge.Lights[0].On, bridge.Lights[0].Brightness, bridge.Lights[0].X);
        var run = EntertainmentSinkRun.Start(bridge, new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port }, Red, Red, Red);
        await bridge.Entertainment.WaitUntilAsync(s => s.Frames.Count >= 5, Wait);
        Assert.NotEqual(before, (bridge.Lights[0].On, bridge.Lights[0].Brightness, bridge.Lights[0].X)); // what streaming left behind

        await run.DisposeAsync();
        await run.Sink.RestoreAsync(CancellationToken.None);

        Assert.Null(bridge.Areas[0].ActiveStreamer);
        Assert.True(bridge.Areas[0].Stops >= 1);
        Assert.Equal(before, (bridge.Lights[0].On, bridge.Lights[0].Brightness, bridge.Lights[0].X));
    }

    [Fact]
    public async Task RestoreAsync_SeveralLights_SendsEachCommandInsideTheBridgesBudget()
    {
        await using var bridge = new FakeHueBridge();
        var time = new FakeTimeProvider();
        using var budget = new RestCommandBudget(time, commandsPerSecond: 1);
        var waits = new List<TimeSpan>();
        budget.Waiting = wait =>
        {
            waits.Add(wait);
            time.Advance(wait);
        };
        var run = EntertainmentSinkRun.Start(bridge, new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port }, budget, Red, Red, Red);
        await bridge.Entertainment.WaitUntilAsync(s => s.Frames.Count >= 5, Wait);
        await run.DisposeAsync();
        var commandsBefore = bridge.LightCommands.Count;

        await run.Sink.RestoreAsync(CancellationToken.None);

        var restored = bridge.LightCommands.Count - commandsBefore;
        Assert.True(restored >= 2, $"expected several lights restored, got {restored}");
        Assert.Equal(restored - 1, waits.Count);
        Assert.All(waits, wait => Assert.Equal(TimeSpan.FromSeconds(1), wait));
    }
}
