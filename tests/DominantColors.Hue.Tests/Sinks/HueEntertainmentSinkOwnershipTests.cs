using DominantColors.Colors;
using DominantColors.Hue.Sinks;
using DominantColors.Testing.Hue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace DominantColors.Hue.Tests.Sinks;

/// <summary>
/// Who owns the entertainment area: another application's stream is never stopped (nor started over) unless
/// <c>takeOver</c> allows it, and the sink waits for the area while it is in use.
/// </summary>
public sealed class HueEntertainmentSinkOwnershipTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly Rgb24 Red = new(255, 0, 0);

    [Fact]
    public async Task RunAsync_AreaUsedByOtherAppWithTakeOver_TakesItOver()
    {
        await using var bridge = new FakeHueBridge();
        bridge.OccupyArea(bridge.Areas[0], "other-app");
        await using var run = EntertainmentSinkRun.Start(bridge, new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port, TakeOver = true }, Red, Red, Red);

        await bridge.Entertainment.WaitUntilAsync(s => s.Frames.Count >= 5, Wait);

        Assert.Equal(bridge.ApplicationId, bridge.Areas[0].ActiveStreamer);
        Assert.True(bridge.Areas[0].Stops >= 1);
    }

    [Fact]
    public async Task RunAsync_AreaUsedByOtherAppWithoutTakeOver_NeverTouchesItAndStartsOnceFree()
    {
        await using var bridge = new FakeHueBridge();
        var area = bridge.Areas[0];
        bridge.OccupyArea(area, "other-app");
        var logger = new FakeLogger<HueEntertainmentSink>();
        var options = new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port, AreaPollInterval = TimeSpan.FromMilliseconds(20) };
        await using var run = EntertainmentSinkRun.Start(bridge, options, new RestCommandBudget(TimeProvider.System), logger, Red, Red, Red);

        await bridge.WaitUntilAsync(_ => area.StatusReads >= 3, Wait);

        Assert.Equal("other-app", area.ActiveStreamer);
        Assert.Equal(0, area.Starts);
        Assert.Equal(0, area.Stops);
        Assert.Equal(0, bridge.Entertainment.Sessions);
        Assert.False(run.Sink.Status.Connected);
        Assert.Contains("in use by application other-app", run.Sink.Status.Waiting, StringComparison.Ordinal);
        Assert.Equal(0, run.Sink.Status.Faults);

        bridge.Deactivate(area);
        await bridge.Entertainment.WaitUntilAsync(s => s.Sessions == 1 && s.Frames.Count > 5, Wait);
        Assert.Equal(bridge.ApplicationId, area.ActiveStreamer);
        Assert.Equal(0, area.Stops);
        Assert.Null(run.Sink.Status.Waiting);
        Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == HueEventIds.AreaInUse);
    }

    [Fact]
    public async Task RunAsync_AreaDeactivatedWithoutAlert_StartsAgain()
    {
        await using var bridge = new FakeHueBridge();
        var options = new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port, StatusInterval = TimeSpan.FromMilliseconds(50) };
        await using var run = EntertainmentSinkRun.Start(bridge, options, Red, Red, Red);
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

    // How a bridge ends our session when a second application starts the area: see FakeHueBridge.StartAsOtherApplication
    // (Signify's huestream SDK stops and starts an area in use; diyHue kills the running DTLS server, without an alert).
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_OtherAppStartsAreaWhileStreaming_NeverStopsItWaitsAndResumesWhenFree(bool alert)
    {
        await using var bridge = new FakeHueBridge();
        var area = bridge.Areas[0];
        var logger = new FakeLogger<HueEntertainmentSink>();
        var options = new HueEntertainmentOptions
        {
            Area = "TV area",
            StreamingPort = bridge.Entertainment.Port,
            StatusInterval = TimeSpan.FromMilliseconds(50),
            AreaPollInterval = TimeSpan.FromMilliseconds(20),
        };
        await using var run = EntertainmentSinkRun.Start(bridge, options, new RestCommandBudget(TimeProvider.System), logger, Red, Red, Red);
        var server = bridge.Entertainment;
        await server.WaitUntilAsync(s => s.Sessions == 1 && s.Frames.Count > 5, Wait);

        bridge.StartAsOtherApplication(area, "other-app", alert);
        await server.WaitUntilAsync(s => s.EndedSessions == 1, Wait);
        var reads = area.StatusReads;
        await bridge.WaitUntilAsync(_ => area.StatusReads >= reads + 3 && run.Sink.Status.Waiting is not null, Wait);

        // Our session is gone; we never stopped (or started) the other application's stream, and say why we wait.
        Assert.Equal(0, area.Stops);
        Assert.Equal(1, area.Starts);
        Assert.Equal("other-app", area.ActiveStreamer);
        Assert.Equal(1, server.Sessions);
        Assert.False(run.Sink.Status.Connected);
        Assert.Contains("in use by application other-app", run.Sink.Status.Waiting, StringComparison.Ordinal);

        // Frames of the new session, not only its handshake: the sink reports itself connected (which ends the wait)
        // after its side of the handshake, a moment after the bridge's, and before it sends its first frame.
        var framesBefore = server.Frames.Count;
        bridge.Deactivate(area);
        await server.WaitUntilAsync(s => s.Sessions == 2 && s.Frames.Count > framesBefore + 5, Wait);
        Assert.Equal(bridge.ApplicationId, area.ActiveStreamer);
        Assert.Equal(0, area.Stops);
        Assert.Null(run.Sink.Status.Waiting);
        Assert.Equal(0, run.Sink.Status.Faults);
        Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == HueEventIds.AreaInUse); // said once, and as no fault:
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task RunAsync_OtherAppStartsAreaJustBeforeUs_StartRefusedNeverStopsItAndWaits()
    {
        await using var bridge = new FakeHueBridge();
        var area = bridge.Areas[0];
        area.StartedFirstBy = "other-app";
        var options = new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port, AreaPollInterval = TimeSpan.FromMilliseconds(20) };
        await using var run = EntertainmentSinkRun.Start(bridge, options, Red, Red, Red);

        await bridge.WaitUntilAsync(_ => area.Starts == 1 && area.StatusReads >= 4, Wait);

        Assert.Equal(1, area.Starts);
        Assert.Equal(0, area.Stops);
        Assert.Equal("other-app", area.ActiveStreamer);
        Assert.Contains("in use by application other-app", run.Sink.Status.Waiting, StringComparison.Ordinal);

        bridge.Deactivate(area);
        await bridge.Entertainment.WaitUntilAsync(s => s.Sessions == 1 && s.Frames.Count > 5, Wait);
        Assert.Equal(0, area.Stops);
    }

    [Fact]
    public async Task RunAsync_OtherAppStartsAreaWhileStreamingWithTakeOver_TakesItBack()
    {
        await using var bridge = new FakeHueBridge();
        var area = bridge.Areas[0];
        var options = new HueEntertainmentOptions { Area = "TV area", StreamingPort = bridge.Entertainment.Port, TakeOver = true };
        await using var run = EntertainmentSinkRun.Start(bridge, options, Red, Red, Red);
        var server = bridge.Entertainment;
        await server.WaitUntilAsync(s => s.Sessions == 1 && s.Frames.Count > 5, Wait);

        bridge.StartAsOtherApplication(area, "other-app");
        await server.WaitUntilAsync(s => s.Sessions == 2 && s.Frames.Count > 10, Wait);

        Assert.Equal(bridge.ApplicationId, area.ActiveStreamer);
        Assert.Equal(1, area.Stops);
        Assert.Equal(2, area.Starts);
        Assert.Null(run.Sink.Status.Waiting);
    }
}
