using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;

namespace DominantColors.Mqtt.HomeAssistant;

/// <summary>
/// The retained discovery configs that make the daemon one Home Assistant device: a light (on/off and brightness),
/// a smoothing select, and sensors for the dominant color and the frame rate, all tied to the availability topic.
/// Entity ids come from <c>default_entity_id</c> (e.g. <c>light.dominant_colors_ambient</c>); Home Assistant no
/// longer reads <c>object_id</c>. Names follow its entity naming: the light is the device's main feature, so its name
/// is null and it shows as the device; the others carry short names of their own, shown after the device's. The light
/// declares <c>flash</c> and <c>transition</c> false: the ambient light switches and dims at once and cannot flash.
/// </summary>
internal sealed class HomeAssistantDiscovery
{
    public static readonly IReadOnlyList<string> SmoothingOptions = ["none", "subtle", "moderate", "high", "intense"];

    private readonly HomeAssistantOptions _options;

    public HomeAssistantDiscovery(HomeAssistantOptions options)
    {
        _options = options;
        var b = options.BaseTopic;
        AvailabilityTopic = $"{b}/availability";
        LightCommandTopic = $"{b}/light/set";
        LightStateTopic = $"{b}/light";
        SmoothingCommandTopic = $"{b}/smoothing/set";
        SmoothingStateTopic = $"{b}/smoothing";
        StatsTopic = $"{b}/stats";
        BirthTopic = $"{options.DiscoveryPrefix}/status";
    }

    public string AvailabilityTopic { get; }

    public string LightCommandTopic { get; }

    public string LightStateTopic { get; }

    public string SmoothingCommandTopic { get; }

    public string SmoothingStateTopic { get; }

    public string StatsTopic { get; }

    /// <summary>Home Assistant announces <c>online</c> here when it (re)starts; configs are published again then.</summary>
    public string BirthTopic { get; }

    /// <summary>Every (config topic, payload) pair.</summary>
    public IReadOnlyList<(string Topic, string Payload)> Configs()
    {
        var node = _options.NodeId;
        return
        [
            Config("light", "ambient", new JsonObject
            {
                ["name"] = null,
                ["schema"] = "json",
                ["cmd_t"] = LightCommandTopic,
                ["stat_t"] = LightStateTopic,
                ["brightness"] = true,
                ["brightness_scale"] = 255,
                ["supported_color_modes"] = new JsonArray("brightness"),
                ["flash"] = false,
                ["transition"] = false,
            }),
            Config("select", "smoothing", new JsonObject
            {
                ["name"] = "Smoothing",
                ["cmd_t"] = SmoothingCommandTopic,
                ["stat_t"] = SmoothingStateTopic,
                ["options"] = new JsonArray([.. SmoothingOptions.Select(o => (JsonNode)o)]),
                ["icon"] = "mdi:blur",
            }),
            Config("sensor", "dominant_color", new JsonObject
            {
                ["name"] = "Dominant color",
                ["stat_t"] = StatsTopic,
                ["val_tpl"] = "{{ value_json.color }}",
                ["icon"] = "mdi:palette",
            }),
            Config("sensor", "fps", new JsonObject
            {
                ["name"] = "Frame rate",
                ["stat_t"] = StatsTopic,
                ["val_tpl"] = "{{ value_json.fps }}",
                ["unit_of_meas"] = "fps",
                ["stat_cla"] = "measurement",
                ["ent_cat"] = "diagnostic",
            }),
        ];

        (string, string) Config(string component, string objectId, JsonObject payload)
        {
            var uniqueId = $"{node}_{objectId}";
            payload["uniq_id"] = uniqueId;
            payload["def_ent_id"] = $"{component}.{Slug(uniqueId)}";
            payload["avty_t"] = AvailabilityTopic;
            payload["dev"] = Device();
            return ($"{_options.DiscoveryPrefix}/{component}/{node}/{objectId}/config", payload.ToJsonString());
        }
    }

    /// <summary>
    /// The node id as an entity id's object part, which Home Assistant requires in lower case, <c>[a-z0-9_]</c>, with
    /// no doubled, leading or trailing <c>_</c> (its <c>valid_entity_id</c>); a node id such as <c>TV-Room</c> becomes
    /// <c>tv_room</c>, as Home Assistant's own slugify would make it.
    /// </summary>
    private static string Slug(string id)
    {
        var slug = new StringBuilder(id.Length);
        foreach (var c in id)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '_')
            {
                slug.Append('_');
            }
        }

        return slug.ToString().TrimEnd('_');
    }

    private JsonObject Device() => new()
    {
        ["ids"] = new JsonArray(_options.NodeId),
        ["name"] = _options.DeviceName,
        ["mf"] = "DominantColors",
        ["mdl"] = "dominant-colors",
        ["sw"] = typeof(HomeAssistantDiscovery).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
    };
}
