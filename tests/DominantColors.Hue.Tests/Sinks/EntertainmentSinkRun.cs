using DominantColors.Colors;
using DominantColors.Hue.Bridge;
using DominantColors.Hue.Colors;
using DominantColors.Hue.Sinks;
using DominantColors.Outputs;
using DominantColors.Testing.Hue;
using Microsoft.Extensions.Logging.Testing;

namespace DominantColors.Hue.Tests.Sinks;

/// <summary>
/// One <see cref="HueEntertainmentSink"/> running against a fake bridge's area (channels 0-2 showing the sink's three
/// lights) with the given colors, until disposed.
/// </summary>
internal sealed class EntertainmentSinkRun : IAsyncDisposable
{
    private readonly LightFeed _feed;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    private EntertainmentSinkRun(HueEntertainmentSink sink, Rgb24[] colors)
    {
        Sink = sink;
        _feed = new LightFeed(sink.Lights);
        _feed.Publish(colors, 1);
        _run = sink.RunAsync(_feed, _stop.Token);
    }

    public HueEntertainmentSink Sink { get; }

    public static EntertainmentSinkRun Start(FakeHueBridge bridge, HueEntertainmentOptions options, params Rgb24[] colors) =>
        Start(bridge, options, new RestCommandBudget(TimeProvider.System), colors);

    public static EntertainmentSinkRun Start(FakeHueBridge bridge, HueEntertainmentOptions options, RestCommandBudget budget, params Rgb24[] colors) =>
        Start(bridge, options, budget, null, colors);

    public static EntertainmentSinkRun Start(
        FakeHueBridge bridge, HueEntertainmentOptions options, RestCommandBudget budget, FakeLogger<HueEntertainmentSink>? logger, params Rgb24[] colors)
    {
        string[] lights = ["tv:left", "tv:right", "tv:top"];
        var client = new HueBridgeClient(bridge.Address, BridgeCertificatePin.ForPairedBridge(bridge.Credentials), bridge.ApplicationKey);
        var map = new HueChannelMap(lights, new Dictionary<int, string> { [0] = "tv:left", [1] = "tv:right", [2] = "tv:top" }, null);
        var sink = new HueEntertainmentSink("hue:test", client, bridge.Credentials, options, lights, map, new XyColorConverter(), budget, TimeProvider.System, logger);
        return new EntertainmentSinkRun(sink, colors);
    }

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
        _stop.Dispose();
    }
}
