using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DominantColors.Mqtt.Tests.HomeAssistant;

/// <summary>
/// How current Home Assistant reads an MQTT discovery config, for the components the daemon publishes. Written from
/// home-assistant/core <c>homeassistant/components/mqtt/</c>: <c>discovery.py</c> (the topic pattern, abbreviation
/// expansion), <c>abbreviations.py</c> (the keys below), <c>schemas.py</c> (a device needs identifiers or
/// connections), <c>light/__init__.py</c> and <c>light/schema_json.py</c> (JSON light keys; <c>flash</c> and
/// <c>transition</c> are offered unless declared false, core PR #142692), <c>entity.py</c> with core PR #151775
/// (<c>default_entity_id</c> sets the entity id from the part after its dot; <c>object_id</c> was deprecated in
/// 2025.10 and is no longer read from 2026.4), <c>homeassistant/core.py</c> (<c>valid_entity_id</c>), and the
/// entity naming rules (<c>has_entity_name</c>: a null name is the device's main feature, a name is shown after the
/// device's and must not start with it). Discovery schemas drop keys they do not know, silently, so an unknown key is
/// reported as ignored.
/// </summary>
internal static partial class HomeAssistantDiscoveryRules
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["avty"] = "availability",
        ["avty_mode"] = "availability_mode",
        ["avty_t"] = "availability_topic",
        ["bri_scl"] = "brightness_scale",
        ["cmd_t"] = "command_topic",
        ["cmd_tpl"] = "command_template",
        ["def_ent_id"] = "default_entity_id",
        ["dev"] = "device",
        ["dev_cla"] = "device_class",
        ["e"] = "encoding",
        ["en"] = "enabled_by_default",
        ["ent_cat"] = "entity_category",
        ["exp_aft"] = "expire_after",
        ["fx_list"] = "effect_list",
        ["ic"] = "icon",
        ["json_attr_t"] = "json_attributes_topic",
        ["json_attr_tpl"] = "json_attributes_template",
        ["o"] = "origin",
        ["obj_id"] = "object_id",
        ["ops"] = "options",
        ["opt"] = "optimistic",
        ["pl_avail"] = "payload_available",
        ["pl_not_avail"] = "payload_not_available",
        ["ret"] = "retain",
        ["stat_cla"] = "state_class",
        ["stat_t"] = "state_topic",
        ["sup_clrm"] = "supported_color_modes",
        ["uniq_id"] = "unique_id",
        ["unit_of_meas"] = "unit_of_measurement",
        ["val_tpl"] = "value_template",
    };

    private static readonly Dictionary<string, string> DeviceAbbreviations = new(StringComparer.Ordinal)
    {
        ["cns"] = "connections",
        ["cu"] = "configuration_url",
        ["hw"] = "hw_version",
        ["ids"] = "identifiers",
        ["mdl"] = "model",
        ["mdl_id"] = "model_id",
        ["mf"] = "manufacturer",
        ["sa"] = "suggested_area",
        ["sn"] = "serial_number",
        ["sw"] = "sw_version",
    };

    private static readonly string[] EntityKeys =
    [
        "availability", "availability_mode", "availability_template", "availability_topic", "default_entity_id", "device",
        "enabled_by_default", "encoding", "entity_category", "entity_picture", "icon", "json_attributes_template",
        "json_attributes_topic", "name", "origin", "payload_available", "payload_not_available", "qos", "unique_id",
    ];

    private static readonly Dictionary<string, string[]> ComponentKeys = new(StringComparer.Ordinal)
    {
        ["light"] =
        [
            "schema", "command_topic", "state_topic", "brightness", "brightness_scale", "supported_color_modes", "effect",
            "effect_list", "flash", "flash_time_long", "flash_time_short", "transition", "max_kelvin", "min_kelvin",
            "max_mireds", "min_mireds", "color_temp_kelvin", "white_scale", "optimistic", "retain",
        ],
        ["select"] = ["command_topic", "command_template", "state_topic", "value_template", "options", "optimistic", "retain"],
        ["sensor"] =
        [
            "state_topic", "value_template", "unit_of_measurement", "device_class", "state_class", "expire_after",
            "force_update", "last_reset_value_template", "suggested_display_precision", "options",
        ],
    };

    private static readonly string[] ColorModes = ["onoff", "brightness", "color_temp", "hs", "xy", "rgb", "rgbw", "rgbww", "white"];

    /// <summary>Everything Home Assistant would refuse, ignore or name oddly in this config; empty when it takes it as meant.</summary>
    public static IReadOnlyList<string> Check(string topic, string payload)
    {
        var problems = new List<string>();
        var match = TopicPattern().Match(topic);
        if (!match.Success)
        {
            return [$"topic '{topic}' is not <prefix>/<component>/[<node_id>/]<object_id>/config"];
        }

        var component = match.Groups["component"].Value;
        if (!ComponentKeys.TryGetValue(component, out var keys))
        {
            return [$"component '{component}' is not one this checker knows"];
        }

        var config = Expand(JsonNode.Parse(payload)!.AsObject());
        foreach (var (key, _) in config)
        {
            if (key == "object_id")
            {
                problems.Add("'object_id' is no longer read (Home Assistant 2026.4); entity ids come from 'default_entity_id'");
            }
            else if (!EntityKeys.Contains(key) && !keys.Contains(key))
            {
                problems.Add($"'{key}' is not a {component} option; Home Assistant drops it");
            }
        }

        Require(config, component switch { "sensor" => ["state_topic"], "select" => ["command_topic", "options"], _ => ["command_topic"] }, problems);
        CheckEntityId(config, component, problems);
        CheckDevice(config, problems);
        CheckName(config, problems);
        if (component == "light")
        {
            CheckLight(config, problems);
        }

        return problems;
    }

    /// <summary>The config with abbreviated keys (and the device's) spelled out, as discovery.py expands them.</summary>
    public static JsonObject Expand(JsonObject payload)
    {
        var expanded = new JsonObject();
        foreach (var (key, value) in payload)
        {
            var full = Abbreviations.GetValueOrDefault(key, key);
            var copy = value?.DeepClone();
            if (full == "device" && copy is JsonObject device)
            {
                var fullDevice = new JsonObject();
                foreach (var (deviceKey, deviceValue) in device)
                {
                    fullDevice[DeviceAbbreviations.GetValueOrDefault(deviceKey, deviceKey)] = deviceValue?.DeepClone();
                }

                copy = fullDevice;
            }

            expanded[full] = copy;
        }

        return expanded;
    }

    /// <summary>The controls a JSON light shows besides on/off and its color modes: flash and transition unless declared false.</summary>
    public static IReadOnlyList<string> OfferedLightFeatures(JsonObject expanded) =>
        new[] { "flash", "transition" }.Where(feature => expanded[feature]?.GetValue<bool>() != false).ToArray();

    /// <summary>The entity's friendly name as Home Assistant shows it: the device's, followed by the entity's own if any.</summary>
    public static string FriendlyName(JsonObject expanded)
    {
        var device = (string?)expanded["device"]?["name"];
        var name = expanded["name"] is JsonValue value ? (string?)value : null;
        return name is null ? device ?? string.Empty : device is null ? name : $"{device} {name}";
    }

    private static void Require(JsonObject config, string[] keys, List<string> problems)
    {
        foreach (var key in keys.Where(k => config[k] is null))
        {
            problems.Add($"'{key}' is required");
        }
    }

    private static void CheckEntityId(JsonObject config, string component, List<string> problems)
    {
        if ((string?)config["unique_id"] is not { Length: > 0 })
        {
            problems.Add("'unique_id' is needed for the entity to join the device and be renamed in the UI");
        }

        var entityId = (string?)config["default_entity_id"];
        if (entityId is null)
        {
            problems.Add("no 'default_entity_id': the entity id would be made from the names");
        }
        else if (!EntityIdPattern().IsMatch(entityId) || !entityId.StartsWith(component + ".", StringComparison.Ordinal))
        {
            problems.Add($"'default_entity_id' '{entityId}' is not a valid {component} entity id");
        }
    }

    private static void CheckDevice(JsonObject config, List<string> problems)
    {
        if (config["device"] is not JsonObject device)
        {
            problems.Add("'device' is missing: the entity would stand alone");
        }
        else if (device["identifiers"] is not JsonArray { Count: > 0 } && device["connections"] is not JsonArray { Count: > 0 })
        {
            problems.Add("the device needs 'identifiers' or 'connections'");
        }
    }

    private static void CheckName(JsonObject config, List<string> problems)
    {
        if (!config.ContainsKey("name"))
        {
            problems.Add("no 'name': the JSON light's default name 'MQTT JSON Light' would be shown after the device's");
            return;
        }

        var name = config["name"] is JsonValue value ? (string?)value : null;
        var device = (string?)config["device"]?["name"];
        if (name is not null && device is not null && name.StartsWith(device, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"name '{name}' starts with the device name '{device}', which Home Assistant already shows before it");
        }
    }

    private static void CheckLight(JsonObject config, List<string> problems)
    {
        if ((string?)config["schema"] != "json")
        {
            problems.Add("'schema' must be 'json' for this payload format");
        }

        var modes = config["supported_color_modes"] as JsonArray;
        var names = modes?.Select(m => (string?)m).ToArray() ?? [];
        if (names.Length == 0 || names.Any(m => m is null || !ColorModes.Contains(m)) || names.Distinct().Count() != names.Length)
        {
            problems.Add("'supported_color_modes' must be a list of distinct color modes");
        }
        else if (names.Length > 1 && names.Any(m => m is "onoff" or "brightness"))
        {
            problems.Add("'onoff' and 'brightness' are only valid alone in 'supported_color_modes'");
        }
    }

    [GeneratedRegex(@"^[^/#+]+/(?<component>\w+)/(?:[a-zA-Z0-9_-]+/)?[a-zA-Z0-9_-]+/config$")]
    private static partial Regex TopicPattern();

    [GeneratedRegex(@"^(?!.+__)(?!_)[\da-z_]+(?<!_)\.(?!_)[\da-z_]+(?<!_)$")]
    private static partial Regex EntityIdPattern();
}
