using DominantColors.Configuration;
using DominantColors.Hue.Sinks;
using DominantColors.Outputs;
using DominantColors.Hue.Hosting;
using Microsoft.Extensions.Configuration;

namespace DominantColors.Hue.Tests.Hosting;

public sealed class HueSinkFactoryTests
{
    private static readonly string[] ConfiguredLights = ["left", "right"];

    [Fact]
    public void Plan_RestMapping_DrivesMappedLights()
    {
        var errors = new ConfigErrors();

        var plan = new HueSinkFactory().Plan(Section(new()
        {
            ["bridge"] = "192.168.1.20",
            ["lights:0:id"] = "TV left",
            ["lights:0:light"] = "left",
            ["lights:1:id"] = "2",
            ["lights:1:light"] = "right",
        }), errors);

        Assert.False(errors.HasErrors, errors.ToString());
        Assert.Equal(["left", "right"], plan!.Lights);
        Assert.Empty(plan.ExtraLights);
    }

    [Fact]
    public void Plan_BadValues_NameEachKeyPath()
    {
        var errors = new ConfigErrors();

        var plan = new HueSinkFactory().Plan(Section(new()
        {
            ["bridge"] = "host:99999",
            ["streamingPort"] = "0",
            ["lights:0:id"] = "",
            ["lights:0:light"] = "sofa",
        }), errors);

        Assert.Null(plan);
        Assert.Equal(
            ["outputs[0].bridge", "outputs[0].lights[0].id", "outputs[0].lights[0].light", "outputs[0].streamingPort"],
            errors.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Contains(errors.Errors, e => e.Message.Contains("sofa", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_EntertainmentWithoutArea_ErrorAtArea()
    {
        var errors = new ConfigErrors();

        var plan = new HueSinkFactory().Plan(Section(new() { ["bridge"] = "hue.local", ["mode"] = "entertainment" }), errors);

        Assert.Null(plan);
        Assert.Contains(errors.Errors, e => e.ToString().Contains("area", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_Entertainment_DeclaresNineScreenRegionsPlusMappedLights()
    {
        var errors = new ConfigErrors();

        var plan = new HueSinkFactory().Plan(Section(new()
        {
            ["bridge"] = "hue.local:8443",
            ["mode"] = "entertainment",
            ["area"] = "TV area",
            ["channels:0:channel"] = "4",
            ["channels:0:light"] = "left",
        }), errors);

        Assert.False(errors.HasErrors, errors.ToString());
        Assert.Equal(9, plan!.ExtraLights.Count);
        Assert.Equal("hue0:top-left", plan.ExtraLights[0].Name);
        Assert.Equal(10, plan.Lights.Count);
        Assert.Contains("left", plan.Lights);
    }

    [Fact]
    public void Plan_EntertainmentStatusIntervalAndRealtimeThread_ReachTheSink()
    {
        var errors = new ConfigErrors();
        var section = Section(new()
        {
            ["bridge"] = "hue.local",
            ["mode"] = "entertainment",
            ["area"] = "TV area",
            ["statusIntervalSeconds"] = "12.5",
            ["realtimeThread"] = "false",
        });

        var plan = new HueSinkFactory().Plan(section, errors);
        var sink = section.Bind<HueOutputOptions>(errors).ToEntertainmentOptions();

        Assert.NotNull(plan);
        Assert.False(errors.HasErrors, errors.ToString());
        Assert.Equal(TimeSpan.FromSeconds(12.5), sink.StatusInterval);
        Assert.False(sink.RealtimeThread);
    }

    [Fact]
    public void ToEntertainmentOptions_KeysUnsetOrZero_SinkDefaultsOrNeverReads()
    {
        var errors = new ConfigErrors();
        var unset = Section(new() { ["bridge"] = "hue.local", ["mode"] = "entertainment", ["area"] = "TV area" });
        var zero = Section(new() { ["bridge"] = "hue.local", ["mode"] = "entertainment", ["area"] = "TV area", ["statusIntervalSeconds"] = "0" });
        var defaults = new HueEntertainmentOptions { Area = "TV area" };

        var fromUnset = unset.Bind<HueOutputOptions>(errors).ToEntertainmentOptions();
        var fromZero = zero.Bind<HueOutputOptions>(errors).ToEntertainmentOptions();

        Assert.False(errors.HasErrors, errors.ToString());
        Assert.Equal(defaults, fromUnset);
        Assert.Equal(TimeSpan.FromSeconds(5), fromUnset.StatusInterval);
        Assert.True(fromUnset.RealtimeThread);
        Assert.Equal(TimeSpan.Zero, fromZero.StatusInterval);
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("-5")]
    [InlineData("3601")]
    [InlineData("0.999")]
    public void Plan_StatusIntervalOutOfRange_ErrorAtItsKeyPathSayingWhatIsAllowed(string seconds)
    {
        var errors = new ConfigErrors();

        var plan = new HueSinkFactory().Plan(Section(new()
        {
            ["bridge"] = "hue.local",
            ["mode"] = "entertainment",
            ["area"] = "TV area",
            ["statusIntervalSeconds"] = seconds,
        }), errors);

        Assert.Null(plan);
        var error = Assert.Single(errors.Errors);
        Assert.Equal("outputs[0].statusIntervalSeconds", error.Path);
        Assert.Contains("0 (never read the area's status) or 1 to 3600 seconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_RealtimeThreadNotABoolean_ErrorAtItsKeyPath()
    {
        var errors = new ConfigErrors();

        var plan = new HueSinkFactory().Plan(Section(new()
        {
            ["bridge"] = "hue.local",
            ["mode"] = "entertainment",
            ["area"] = "TV area",
            ["realtimeThread"] = "fifo",
        }), errors);

        Assert.Null(plan);
        Assert.Equal("outputs[0].realtimeThread", Assert.Single(errors.Errors).Path);
    }

    [Fact]
    public void Plan_RestWithEntertainmentOnlyKeys_ErrorAtEachKeyPath()
    {
        var errors = new ConfigErrors();

        var plan = new HueSinkFactory().Plan(Section(new()
        {
            ["bridge"] = "192.168.1.20",
            ["lights:0:id"] = "TV left",
            ["lights:0:light"] = "left",
            ["statusIntervalSeconds"] = "5",
            ["realtimeThread"] = "true",
        }), errors);

        Assert.Null(plan);
        Assert.Equal(["outputs[0].realtimeThread", "outputs[0].statusIntervalSeconds"], errors.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.All(errors.Errors, e => Assert.Contains("mode: entertainment only", e.Message, StringComparison.Ordinal));
    }

    private static OutputSection Section(Dictionary<string, string?> values)
    {
        var prefixed = values.ToDictionary(p => $"outputs:0:{p.Key}", p => p.Value);
        prefixed["outputs:0:type"] = "hue";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(prefixed).Build();
        return new OutputSection(configuration.GetSection("outputs:0"), "hue", ConfiguredLights);
    }
}
