using DominantColors.Configuration;
using DominantColors.HomeAssistant;
using Microsoft.Extensions.Configuration;

namespace DominantColors.Tests.HomeAssistant;

public sealed class HomeAssistantSectionTests
{
    [Fact]
    public void Check_Absent_NoErrors()
    {
        var errors = Check([]);

        Assert.False(errors.HasErrors, errors.ToString());
    }

    [Fact]
    public void Check_FullSection_NoErrorsAndBindsEveryKey()
    {
        var keys = new Dictionary<string, string?>
        {
            ["homeassistant:enabled"] = "true",
            ["homeassistant:broker"] = "mqtt.local",
            ["homeassistant:port"] = "8883",
            ["homeassistant:username"] = "ambient",
            ["homeassistant:password"] = "secret",
            ["homeassistant:tls:enabled"] = "true",
            ["homeassistant:discoveryPrefix"] = "ha",
            ["homeassistant:nodeId"] = "living_room",
            ["homeassistant:deviceName"] = "Living room TV",
            ["homeassistant:reportInterval"] = "10",
        };
        var errors = Check(keys);
        var section = SectionBinder.Bind<HomeAssistantSection>(Configuration(keys).GetSection("homeassistant"), new ConfigErrors());

        Assert.False(errors.HasErrors, errors.ToString());
        Assert.True(section.Enabled);
        Assert.Equal("mqtt.local", section.Broker);
        Assert.Equal(8883, section.Port);
        Assert.Equal("ambient", section.Username);
        Assert.NotNull(section.Tls);
        Assert.Equal("ha", section.DiscoveryPrefix);
        Assert.Equal("living_room", section.NodeId);
        Assert.Equal("Living room TV", section.DeviceName);
        Assert.Equal(10, section.ReportInterval);
    }

    [Fact]
    public void Check_UnknownKey_NamesItsPath()
    {
        var errors = Check(new() { ["homeassistant:enabled"] = "true", ["homeassistant:broker"] = "h", ["homeassistant:topic"] = "x" });

        var error = Assert.Single(errors.Errors);
        Assert.Equal("homeassistant.topic", error.Path);
        Assert.StartsWith("unknown key 'topic'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EnabledWithoutBrokerAndBadNodeId_ReportsEachAtItsKeyPath()
    {
        var errors = Check(new() { ["homeassistant:enabled"] = "true", ["homeassistant:nodeId"] = "tv room", ["homeassistant:password"] = "x" });

        Assert.Equal(
            ["homeassistant.broker", "homeassistant.nodeId", "homeassistant.username"],
            errors.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_ReportIntervalOutOfRange_IsAnError()
    {
        var errors = Check(new() { ["homeassistant:reportInterval"] = "0" });

        Assert.Equal("homeassistant.reportInterval", Assert.Single(errors.Errors).Path);
    }

    [Fact]
    public void Check_DisabledWithoutBroker_NoErrors()
    {
        var errors = Check(new() { ["homeassistant:enabled"] = "false" });

        Assert.False(errors.HasErrors, errors.ToString());
    }

    [Fact]
    public void Check_EnabledWithoutBroker_FailsNamingTheKey()
    {
        var errors = Check(new() { ["homeassistant:enabled"] = "true" });

        Assert.Equal("homeassistant.broker", Assert.Single(errors.Errors).Path);
    }

    private static ConfigErrors Check(Dictionary<string, string?> keys)
    {
        var errors = new ConfigErrors();
        SectionBinder.Bind<HomeAssistantSection>(Configuration(keys).GetSection("homeassistant"), errors);
        return errors;
    }

    private static IConfiguration Configuration(Dictionary<string, string?> keys) =>
        new ConfigurationBuilder().AddInMemoryCollection(keys).Build();
}
