using DominantColors.Configuration;
using DominantColors.Outputs;
using DominantColors.Leds.Adalight;
using DominantColors.Leds.ArtNet;
using DominantColors.Leds.E131;
using DominantColors.Leds.Hosting;
using DominantColors.Leds.Spi;
using DominantColors.Leds.Streaming;
using DominantColors.Testing.Hosting;

namespace DominantColors.Leds.Tests.Hosting;

public sealed class LedSinkFactoryTests
{
    public static TheoryData<string, string, string, string> BadValues => new()
    {
        { "e131", "universe", "0", "outputs[0].universe" },
        { "e131", "priority", "201", "outputs[0].priority" },
        { "e131", "sourceName", new string('x', 64), "outputs[0].sourceName" },
        { "artnet", "universe", "32768", "outputs[0].universe" },
        { "adalight", "baud", "12345", "outputs[0].baud" },
        { "spi", "chip", "ws2811", "outputs[0].chip" },
        { "spi", "device", "/dev/ttyAMA0", "outputs[0].device" },
        { "spi", "brightness", "0", "outputs[0].brightness" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Plan_BadValue_NamesTheKey(string type, string key, string value, string path)
    {
        var section = Valid(type);
        section[key] = value;
        var errors = new ConfigErrors();

        Assert.Null(Factory(type).Plan(OutputSections.Section(section), errors));

        Assert.Equal(path, Assert.Single(errors.Errors).Path);
    }

    [Fact]
    public void Plan_E131StripPastTheLastUniverse_NamesUniverse()
    {
        var section = Valid("e131");
        section["universe"] = "63999";
        section["ledCount"] = "171";
        var errors = new ConfigErrors();

        Assert.Null(Factory("e131").Plan(OutputSections.Section(section), errors));

        var error = Assert.Single(errors.Errors);
        Assert.Equal("outputs[0].universe", error.Path);
        Assert.Contains("2 universes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ArtNetWithoutHost_NamesHost()
    {
        var section = Valid("artnet");
        section.Remove("host");
        var errors = new ConfigErrors();

        Assert.Null(Factory("artnet").Plan(OutputSections.Section(section), errors));

        Assert.Equal("outputs[0].host", Assert.Single(errors.Errors).Path);
    }

    [Theory]
    [InlineData("e131")]
    [InlineData("artnet")]
    [InlineData("adalight")]
    [InlineData("spi")]
    public async Task Plan_Layout_DeclaresZoneLightsNamedAfterTheType(string type)
    {
        var section = Valid(type);
        section.Remove("lights:0");
        section.Remove("ledCount");
        section["layout:top"] = "3";
        var errors = new ConfigErrors();
        var factory = Factory(type);

        var plan = factory.Plan(OutputSections.Section(section), errors);

        Assert.False(errors.HasErrors, errors.ToString());
        Assert.Equal([$"{type}0.0", $"{type}0.1", $"{type}0.2"], plan!.Lights);
        var sink = Assert.Single(factory.Create(OutputSections.Section(section), OutputSections.Context(plan)));
        Assert.Equal($"{type}:{type}0", sink.Name);
        Assert.Equal(plan.Lights, sink.Lights);
        await sink.DisposeAsync();
    }

    [Fact]
    public void Plan_OnlyRequiredKeys_BindsTheDocumentedDefaults()
    {
        var e131 = PlannedOptions<E131Options>("e131");
        var artnet = PlannedOptions<ArtNetOptions>("artnet");
        var adalight = PlannedOptions<AdalightOptions>("adalight");
        var spi = PlannedOptions<SpiOptions>("spi");

        // No host: multicast per universe, from universe 1, at the sACN port and the standard's default priority.
        Assert.Equal((true, 5568, 1, 100, "dominant-colors"), (e131.Multicast, e131.Port, e131.Universe, e131.Priority, e131.SourceName));
        Assert.Equal((6454, 0), (artnet.Port, artnet.Universe));
        Assert.Equal((115200, 1.0), (adalight.Baud, adalight.KeepAlive));
        Assert.Equal(("/dev/spidev0.0", SpiChip.Apa102, 8_000_000, 31), (spi.Device, spi.Chip, spi.EffectiveSpeedHz, spi.Brightness));
        LedStripOptions[] all = [e131, artnet, adalight, spi];
        Assert.All(all, o => Assert.Equal(50, o.MaxRate));
    }

    private static TOptions PlannedOptions<TOptions>(string type)
        where TOptions : class
    {
        var errors = new ConfigErrors();
        var plan = Factory(type).Plan(OutputSections.Section(Valid(type)), errors);
        Assert.False(errors.HasErrors, errors.ToString());
        return Assert.IsType<TOptions>(plan!.Options);
    }

    private static IColorSinkFactory Factory(string type) => type switch
    {
        "e131" => new E131SinkFactory(),
        "artnet" => new ArtNetSinkFactory(),
        "adalight" => new AdalightSinkFactory(),
        _ => new SpiSinkFactory(),
    };

    private static Dictionary<string, string?> Valid(string type)
    {
        var section = new Dictionary<string, string?> { ["type"] = type, ["lights:0"] = "tv", ["ledCount"] = "10" };
        switch (type)
        {
            case "artnet":
                section["host"] = "192.168.1.42";
                break;
            case "adalight":
                section["device"] = "/dev/ttyUSB0";
                break;
        }

        return section;
    }
}
