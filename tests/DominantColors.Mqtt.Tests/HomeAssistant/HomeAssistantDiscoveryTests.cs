using System.Text.Json.Nodes;
using DominantColors.Mqtt.HomeAssistant;

namespace DominantColors.Mqtt.Tests.HomeAssistant;

/// <summary>The discovery configs read as current Home Assistant reads them (<see cref="HomeAssistantDiscoveryRules"/>).</summary>
public sealed class HomeAssistantDiscoveryTests
{
    [Fact]
    public void Configs_DefaultOptions_PassHomeAssistantsRules()
    {
        var configs = new HomeAssistantDiscovery(new HomeAssistantOptions()).Configs();

        Assert.All(configs, c => Assert.Empty(HomeAssistantDiscoveryRules.Check(c.Topic, c.Payload)));
    }

    [Fact]
    public void Configs_DefaultOptions_GiveEntityIdsAndNamesByHomeAssistantsConvention()
    {
        var configs = Expanded(new HomeAssistantOptions());

        Assert.Equal(
            [
                ("light.dominant_colors_ambient", "Ambient light"),
                ("select.dominant_colors_smoothing", "Ambient light Smoothing"),
                ("sensor.dominant_colors_dominant_color", "Ambient light Dominant color"),
                ("sensor.dominant_colors_fps", "Ambient light Frame rate"),
            ],
            configs.Select(c => ((string)c["default_entity_id"]!, HomeAssistantDiscoveryRules.FriendlyName(c))));
    }

    [Fact]
    public void Configs_Light_OffersNeitherFlashNorTransition()
    {
        var light = Expanded(new HomeAssistantOptions())[0];

        Assert.Empty(HomeAssistantDiscoveryRules.OfferedLightFeatures(light));
    }

    [Fact]
    public void Configs_NodeIdWithCapitalsAndDash_GiveValidEntityIds()
    {
        var options = new HomeAssistantOptions { NodeId = "TV-Room" };

        var configs = new HomeAssistantDiscovery(options).Configs();

        Assert.All(configs, c => Assert.Empty(HomeAssistantDiscoveryRules.Check(c.Topic, c.Payload)));
        Assert.Equal("light.tv_room_ambient", (string?)JsonNode.Parse(configs[0].Payload)!["def_ent_id"]);
        Assert.Equal("TV-Room_ambient", (string?)JsonNode.Parse(configs[0].Payload)!["uniq_id"]);
    }

    [Fact]
    public void Check_ObjectIdNameRepeatingTheDeviceAndNoDeclaredFeatures_ReportsEach()
    {
        // What the daemon used to publish: current Home Assistant would name it light.ambient_light_ambient_light.
        const string Payload = """
            {"name":"Ambient light","schema":"json","cmd_t":"a/light/set","stat_t":"a/light","brightness":true,
             "supported_color_modes":["brightness"],"uniq_id":"n_ambient","obj_id":"n_ambient","dev":{"ids":["n"],"name":"Ambient light"}}
            """;

        var problems = HomeAssistantDiscoveryRules.Check("homeassistant/light/n/ambient/config", Payload);

        Assert.Equal(
            [
                "'object_id' is no longer read (Home Assistant 2026.4); entity ids come from 'default_entity_id'",
                "no 'default_entity_id': the entity id would be made from the names",
                "name 'Ambient light' starts with the device name 'Ambient light', which Home Assistant already shows before it",
            ],
            problems);
        Assert.Equal(["flash", "transition"], HomeAssistantDiscoveryRules.OfferedLightFeatures(HomeAssistantDiscoveryRules.Expand(JsonNode.Parse(Payload)!.AsObject())));
    }

    [Fact]
    public void Check_WrongDomainUnknownKeyAndNoIdentifiers_ReportsEach()
    {
        const string Payload = """{"name":"Fps","stat_t":"a/stats","def_ent_id":"light.n_fps","uniq_id":"n_fps","colour":"red","dev":{"name":"D"}}""";

        var problems = HomeAssistantDiscoveryRules.Check("homeassistant/sensor/n/fps/config", Payload);

        Assert.Equal(
            [
                "'colour' is not a sensor option; Home Assistant drops it",
                "'default_entity_id' 'light.n_fps' is not a valid sensor entity id",
                "the device needs 'identifiers' or 'connections'",
            ],
            problems);
    }

    private static JsonObject[] Expanded(HomeAssistantOptions options) =>
        new HomeAssistantDiscovery(options).Configs()
            .Select(c => HomeAssistantDiscoveryRules.Expand(JsonNode.Parse(c.Payload)!.AsObject()))
            .ToArray();
}
