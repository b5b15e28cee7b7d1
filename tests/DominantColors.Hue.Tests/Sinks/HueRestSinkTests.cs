using DominantColors.Colors;
using DominantColors.Hue.Bridge;
using DominantColors.Hue.Colors;
using DominantColors.Hue.Sinks;
using DominantColors.Testing.Hue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Hue.Tests.Sinks;

public sealed class HueRestSinkTests
{
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task RunAsync_SixtySecondsOfNewColorsEveryFrame_NeverExceedsTenCommandsInAnySecond()
    {
        var time = new FakeTimeProvider();
        await using var bridge = new FakeHueBridge(time);
        using var budget = new RestCommandBudget(time);
        using var client = Paired(bridge);
        var sink = NewSink(bridge, client, budget, time);
        await using (var driver = new RestSinkDriver(sink, budget, time))
        {
            await driver.StartAsync();
            for (var frame = 0; frame < 3000; frame++)
            {
                await driver.PublishAsync(Color(frame, 0), Color(frame, 85), Color(frame, 170));
                await driver.AdvanceAsync(FrameInterval);
            }
        }

        var commands = bridge.LightCommands;
        var times = commands.Select(c => c.At).Order().ToArray();
        var busiest = times.Max(start => times.Count(t => t >= start && t < start + TimeSpan.FromSeconds(1)));
        Assert.Equal(10, busiest);
        Assert.InRange(commands.Count, 590, 601); // 100 ms apart over 60 s: the budget is used, never exceeded
        Assert.True(times.Zip(times.Skip(1)).All(p => p.Second - p.First >= TimeSpan.FromMilliseconds(100)));
        AssertNoAttributeResent(commands);
    }

    [Fact]
    public async Task RunAsync_ColorsUnchanged_SendsEachLightOnceWithTransitionOfOneRound()
    {
        var time = new FakeTimeProvider();
        await using var bridge = new FakeHueBridge(time);
        using var budget = new RestCommandBudget(time);
        using var client = Paired(bridge);
        var sink = NewSink(bridge, client, budget, time);
        await using (var driver = new RestSinkDriver(sink, budget, time))
        {
            await driver.StartAsync();
            for (var frame = 0; frame < 100; frame++)
            {
                await driver.PublishAsync(new Rgb24(255, 0, 0), new Rgb24(0, 255, 0), Rgb24.Black);
                await driver.AdvanceAsync(FrameInterval);
            }
        }

        var commands = bridge.LightCommands;
        Assert.Equal(3, commands.Count);
        Assert.Equal([bridge.Lights[0].Id, bridge.Lights[1].Id, bridge.Lights[2].Id], commands.Select(c => c.LightId));
        Assert.All(commands, c => Assert.Equal(300, c.Body.GetProperty("dynamics").GetProperty("duration").GetInt32()));
        Assert.False(commands[2].Body.GetProperty("on").GetProperty("on").GetBoolean());
        Assert.False(commands[2].Has("color"));
        Assert.Equal(0.6401, commands[0].Body.GetProperty("color").GetProperty("xy").GetProperty("x").GetDouble(), 0.001);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task RunAsync_BridgeBusy_PausesAllCommandsThenResumesLoggingOnce(int status)
    {
        var time = new FakeTimeProvider();
        await using var bridge = new FakeHueBridge(time);
        using var budget = new RestCommandBudget(time);
        using var client = Paired(bridge);
        var logger = new FakeLogger<HueRestSink>();
        var sink = NewSink(bridge, client, budget, time, logger);
        await using (var driver = new RestSinkDriver(sink, budget, time))
        {
            await driver.StartAsync();
            for (var frame = 0; frame < 250; frame++)
            {
                if (frame == 50)
                {
                    bridge.FailNextLightCommands(status, 2);
                }

                await driver.PublishAsync(Color(frame, 0), Color(frame, 85), Color(frame, 170));
                await driver.AdvanceAsync(FrameInterval);
            }
        }

        var refused = bridge.RefusedAt;
        Assert.Equal(2, refused.Count);
        Assert.True(refused[1] - refused[0] >= TimeSpan.FromSeconds(1), "the first refusal pauses at least 1 s");
        var after = bridge.LightCommands.Where(c => c.At > refused[1]).Select(c => c.At).ToArray();
        Assert.NotEmpty(after);
        Assert.True(after[0] - refused[1] >= TimeSpan.FromSeconds(2), "the second refusal pauses longer");
        Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == HueEventIds.BridgeBusy);
    }

    [Fact]
    public async Task RunAsync_V1Error901_BacksOffLikeBusy()
    {
        var time = new FakeTimeProvider();
        await using var bridge = new FakeHueBridge(time) { SupportsV2 = false };
        using var budget = new RestCommandBudget(time);
        using var client = Paired(bridge);
        var sink = new HueRestSink("hue:test", client, [new HueRestLight("left", "1")], budget, new XyColorConverter(), false, time);
        bridge.FailNextLightCommands(901);
        await using (var driver = new RestSinkDriver(sink, budget, time))
        {
            await driver.StartAsync();
            for (var frame = 0; frame < 100; frame++)
            {
                await driver.PublishAsync(Color(frame, 0));
                await driver.AdvanceAsync(FrameInterval);
            }
        }

        var refused = Assert.Single(bridge.RefusedAt);
        var first = bridge.LightCommands[0];
        Assert.True(first.V1);
        Assert.True(first.At - refused >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task RestoreAsync_AfterRun_PutsBackStateFoundAtStart()
    {
        var time = new FakeTimeProvider();
        await using var bridge = new FakeHueBridge(time);
        var (on, brightness, x) = (bridge.Lights[0].On, bridge.Lights[0].Brightness, bridge.Lights[0].X);
        using var budget = new RestCommandBudget(time);
        using var client = Paired(bridge);
        var sink = NewSink(bridge, client, budget, time);
        await using (var driver = new RestSinkDriver(sink, budget, time))
        {
            await driver.StartAsync();
            await driver.PublishAsync(new Rgb24(0, 0, 255), new Rgb24(0, 0, 255), new Rgb24(0, 0, 255));
            await driver.AdvanceAsync(TimeSpan.FromSeconds(1));
        }

        Assert.NotEqual(x, bridge.Lights[0].X, 3);
        budget.Waiting = wait => time.Advance(wait);
        await sink.RestoreAsync(CancellationToken.None);

        Assert.Equal(on, bridge.Lights[0].On);
        Assert.Equal(brightness, bridge.Lights[0].Brightness, 1);
        Assert.Equal(x, bridge.Lights[0].X, 3);
    }

    [Theory]
    [InlineData(255, 0, 0, 100.0)]
    [InlineData(0, 255, 0, 100.0)]
    [InlineData(0, 0, 255, 100.0)]
    [InlineData(128, 0, 0, 50.0)]   // half-code red: its value 128/255, as half-code grey's
    [InlineData(64, 0, 64, 25.0)]   // dark purple: 64/255
    public async Task RunAsync_Color_BulbLevelIsTheColorsValue(byte r, byte g, byte b, double level)
    {
        var time = new FakeTimeProvider();
        await using var bridge = new FakeHueBridge(time);
        using var budget = new RestCommandBudget(time);
        using var client = Paired(bridge);
        var sink = NewSink(bridge, client, budget, time);
        await using (var driver = new RestSinkDriver(sink, budget, time))
        {
            await driver.StartAsync();
            await driver.PublishAsync(new Rgb24(r, g, b), new Rgb24(r, g, b), Rgb24.Black);
            for (var i = 0; i < 10; i++)
            {
                await driver.AdvanceAsync(FrameInterval * 5);
            }
        }

        // The fake bridge keeps dimming.brightness as the bulb's level, 0-100 % of what it gives in that color.
        Assert.True(bridge.Lights[0].On);
        Assert.Equal(level, bridge.Lights[0].Brightness, 0.5);
        Assert.Equal(level, bridge.Lights[1].Brightness, 0.5);
        Assert.False(bridge.Lights[2].On); // black is off
    }

    private static HueRestSink NewSink(
        FakeHueBridge bridge, HueBridgeClient client, RestCommandBudget budget, TimeProvider time, ILogger<HueRestSink>? logger = null) =>
        new("hue:test", client,
            [new HueRestLight("left", "TV left"), new HueRestLight("right", bridge.Lights[1].Id), new HueRestLight("lamp", "3")],
            budget, new XyColorConverter(), restore: true, time, logger);

    private static HueBridgeClient Paired(FakeHueBridge bridge) =>
        new(bridge.Address, BridgeCertificatePin.ForPairedBridge(bridge.Credentials), bridge.ApplicationKey);

    private static Rgb24 Color(int frame, int phase) =>
        new((byte)((frame * 7) + phase), (byte)(255 - ((frame * 3) + phase)), (byte)((frame * 5) + (phase * 2)));

    private static void AssertNoAttributeResent(IReadOnlyList<RecordedLightCommand> commands)
    {
        foreach (var light in commands.GroupBy(c => c.LightId))
        {
            string? on = null, brightness = null, color = null;
            foreach (var command in light)
            {
                Check(command, "on", ref on);
                Check(command, "dimming", ref brightness);
                Check(command, "color", ref color);
            }
        }

        static void Check(RecordedLightCommand command, string attribute, ref string? last)
        {
            if (command.Body.TryGetProperty(attribute, out var value))
            {
                Assert.NotEqual(last, value.GetRawText());
                last = value.GetRawText();
            }
        }
    }
}
