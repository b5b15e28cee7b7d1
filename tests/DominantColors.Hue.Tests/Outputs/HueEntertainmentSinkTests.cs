using DominantColors.Colors;
using DominantColors.Hue.Bridge;
using DominantColors.Hue.Colors;
using DominantColors.Hue.Outputs;
using DominantColors.Hue.Tests.Fakes;
using DominantColors.Outputs;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Hue.Tests.Outputs;

public sealed class HueEntertainmentSinkTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly Rgb24 Red = new(255, 0, 0);
    private static readonly Rgb24 Blue = new(0, 0, 255);

    [Fact]
    public async Task RunAsync_SteadyColors_StreamsEveryIntervalWithEachChannelsColor()
    {
        await using var bridge = new FakeHueBridge();
        await using var run = Start(bridge, new HueEntertainmentOptions { Area = "tv area", StreamingPort = bridge.Entertainment.Port }, Red, Rgb24.Black, Blue);

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
    public async Task RunAsync_BridgeCutsSilentStream_ReconnectsAndStreamsAgain()
    {
        await using var bridge = new FakeHueBridge(inactivityTimeout: TimeSpan.FromMilliseconds(300));
        await using var run = Start(bridge, new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port }, Red, Red, Red);
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
        await using var run = Start(bridge, new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port }, Red, Red, Red);

        await bridge.Entertainment.WaitUntilAsync(s => s.Frames.Count >= 5, Wait);

        Assert.Equal(bridge.ApplicationKey, bridge.Entertainment.LastIdentity);
        Assert.Equal(1, bridge.Entertainment.RejectedHandshakes);
    }

    [Fact]
    public async Task RunAsync_AreaUsedByOtherAppWithTakeOver_TakesItOver()
    {
        await using var bridge = new FakeHueBridge();
        bridge.OccupyArea(bridge.Areas[0], "other-app");
        await using var run = Start(bridge, new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port, TakeOver = true }, Red, Red, Red);

        await bridge.Entertainment.WaitUntilAsync(s => s.Frames.Count >= 5, Wait);

        Assert.Equal(bridge.ApplicationId, bridge.Areas[0].ActiveStreamer);
        Assert.True(bridge.Areas[0].Stops >= 1);
    }

    [Fact]
    public async Task RunAsync_AreaUsedByOtherAppWithoutTakeOver_LeavesItAlone()
    {
        await using var bridge = new FakeHueBridge();
        bridge.OccupyArea(bridge.Areas[0], "other-app");
        var run = Start(bridge, new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port }, Red, Red, Red);

        await bridge.WaitUntilAsync(b => b.Areas[0].Starts >= 1, Wait);
        await run.DisposeAsync();

        Assert.Equal("other-app", bridge.Areas[0].ActiveStreamer);
        Assert.Equal(0, bridge.Areas[0].Stops);
        Assert.Equal(0, bridge.Entertainment.Sessions);
    }

    [Fact]
    public async Task RunAsync_ColorsBlackLongEnough_ReleasesAreaAndResumesOnColor()
    {
        await using var bridge = new FakeHueBridge();
        var options = new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port, PauseAfterBlack = TimeSpan.FromMilliseconds(200) };
        await using var run = Start(bridge, options, Rgb24.Black, Rgb24.Black, Rgb24.Black);
        var server = bridge.Entertainment;

        await server.WaitUntilAsync(s => s.Sessions == 1 && bridge.Areas[0].Stops >= 1, Wait);
        Assert.Null(bridge.Areas[0].ActiveStreamer);

        run.Publish(Red, Red, Red);
        await server.WaitUntilAsync(s => s.Sessions == 2 && s.Frames[^1].Channels[0].Third > 0, Wait);
    }

    [Fact]
    public async Task RunAsync_AreaDeactivatedWithoutAlert_StartsAgain()
    {
        await using var bridge = new FakeHueBridge();
        var options = new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port, StatusInterval = TimeSpan.FromMilliseconds(50) };
        await using var run = Start(bridge, options, Red, Red, Red);
        var server = bridge.Entertainment;
        await server.WaitUntilAsync(s => s.Sessions == 1 && s.Frames.Count > 5, Wait);

        // The bridge drops the area (status inactive) but the DTLS session sends no alert.
        bridge.Deactivate(bridge.Areas[0]);
        await server.WaitUntilAsync(s => s.Sessions == 2, Wait);
        var before = server.Frames.Count;
        await server.WaitUntilAsync(s => s.Frames.Count > before + 5, Wait);

        Assert.True(bridge.Areas[0].StatusReads >= 1);
        Assert.True(bridge.Areas[0].Starts >= 2);
        Assert.Equal(bridge.ApplicationId, bridge.Areas[0].ActiveStreamer);
    }

    [Fact]
    public async Task RunAsync_AreaTakenByOtherAppWhileStreaming_LeavesItAndResumesWhenFree()
    {
        await using var bridge = new FakeHueBridge();
        var options = new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port, StatusInterval = TimeSpan.FromMilliseconds(50) };
        await using var run = Start(bridge, options, Red, Red, Red);
        var server = bridge.Entertainment;
        var area = bridge.Areas[0];
        await server.WaitUntilAsync(s => s.Sessions == 1 && s.Frames.Count > 5, Wait);

        bridge.OccupyArea(area, "other-app");
        await server.WaitUntilAsync(s => s.EndedSessions == 1 && area.Starts >= 2, Wait);

        // Our session ended (our close_notify, not the bridge's timeout) and we asked again, but never stopped the
        // other app's stream.
        Assert.Equal(0, server.Cuts);
        Assert.Equal(0, area.Stops);
        Assert.Equal("other-app", area.ActiveStreamer);

        bridge.Deactivate(area);
        await server.WaitUntilAsync(s => s.Sessions == 2 && s.Frames.Count > 10, Wait);
        Assert.Equal(bridge.ApplicationId, area.ActiveStreamer);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsAreaAndRestoresLights()
    {
        await using var bridge = new FakeHueBridge();
        var before = (bridge.Lights[0].On, bridge.Lights[0].Brightness, bridge.Lights[0].X);
        var run = Start(bridge, new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port }, Red, Red, Red);
        await bridge.Entertainment.WaitUntilAsync(s => s.Frames.Count >= 5, Wait);
        bridge.Lights[0].X = 0.6; // what streaming left behind

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
        var run = Start(bridge, new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port }, budget, Red, Red, Red);
        await bridge.Entertainment.WaitUntilAsync(s => s.Frames.Count >= 5, Wait);
        await run.DisposeAsync();
        var commandsBefore = bridge.LightCommands.Count;

        await run.Sink.RestoreAsync(CancellationToken.None);

        var restored = bridge.LightCommands.Count - commandsBefore;
        Assert.True(restored >= 2, $"expected several lights restored, got {restored}");
        Assert.Equal(restored - 1, waits.Count);
        Assert.All(waits, wait => Assert.Equal(TimeSpan.FromSeconds(1), wait));
    }

    private static SinkRun Start(FakeHueBridge bridge, HueEntertainmentOptions options, params Rgb24[] colors) =>
        Start(bridge, options, new RestCommandBudget(TimeProvider.System), colors);

    private static SinkRun Start(FakeHueBridge bridge, HueEntertainmentOptions options, RestCommandBudget budget, params Rgb24[] colors)
    {
        string[] lights = ["tv:left", "tv:right", "tv:top"];
        var client = new HueBridgeClient(bridge.Address, BridgeCertificatePin.ForPairedBridge(bridge.Credentials), bridge.ApplicationKey);
        var map = new HueChannelMap(lights, new Dictionary<int, string> { [0] = "tv:left", [1] = "tv:right", [2] = "tv:top" }, null);
        var sink = new HueEntertainmentSink("hue:test", client, bridge.Credentials, options, lights, map, new XyColorConverter(), budget, TimeProvider.System);
        return new SinkRun(sink, client, colors);
    }

    private sealed class SinkRun : IAsyncDisposable
    {
        private readonly HueBridgeClient _client;
        private readonly LightFeed _feed;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;

        public SinkRun(HueEntertainmentSink sink, HueBridgeClient client, Rgb24[] colors)
        {
            Sink = sink;
            _client = client;
            _feed = new LightFeed(sink.Lights);
            _feed.Publish(colors, 1);
            _run = sink.RunAsync(_feed, _stop.Token);
        }

        public HueEntertainmentSink Sink { get; }

        public void Publish(params Rgb24[] colors) => _feed.Publish(colors, 2);

        public async ValueTask DisposeAsync()
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            await _stop.CancelAsync();
            await _run;
            _feed.Dispose();
        }
    }
}
