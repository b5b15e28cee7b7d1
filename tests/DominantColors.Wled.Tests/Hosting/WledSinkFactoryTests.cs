using DominantColors.Configuration;
using DominantColors.Lights;
using DominantColors.Outputs;
using DominantColors.Testing.Hosting;
using DominantColors.Wled.Hosting;
using DominantColors.Regions;

namespace DominantColors.Wled.Tests.Hosting;

public sealed class WledSinkFactoryTests
{
    private readonly WledSinkFactory _factory = new();

    [Fact]
    public async Task Plan_StripLayout_DeclaresOneDominantLightPerEdgeZone()
    {
        var output = OutputSections.Section(new()
        {
            ["type"] = "wled",
            ["host"] = "127.0.0.1",
            ["layout:top"] = "4",
            ["layout:left"] = "2",
            ["layout:ledsPerZone"] = "2",
            ["layout:start"] = "bottom-left",
            ["layout:depth"] = "0.2",
        });
        var errors = new ConfigErrors();

        var plan = _factory.Plan(output, errors);

        Assert.False(errors.HasErrors, errors.ToString());
        Assert.Equal(["wled0.0", "wled0.1", "wled0.2"], plan!.Lights);
        Assert.Equal(
            [
                new LightDefinition("wled0.0", Zone.Create(0, 0, 0.2f, 1), LightPick.Dominant),
                new LightDefinition("wled0.1", Zone.Create(0, 0, 0.5f, 0.2f), LightPick.Dominant),
                new LightDefinition("wled0.2", Zone.Create(0.5f, 0, 0.5f, 0.2f), LightPick.Dominant),
            ],
            plan.ExtraLights);
        var sink = Assert.Single(_factory.Create(output, OutputSections.Context(plan)));
        Assert.Equal(plan.Lights, sink.Lights);
        await sink.DisposeAsync();
    }

    [Fact]
    public void Plan_LightsWithoutLedCount_NamesTheKey()
    {
        var output = OutputSections.Section(new() { ["type"] = "wled", ["host"] = "wled.local", ["lights:0"] = "tv" });
        var errors = new ConfigErrors();

        Assert.Null(_factory.Plan(output, errors));

        Assert.Equal("outputs[0].ledCount", Assert.Single(errors.Errors).Path);
    }
}
