using System.Globalization;
using DominantColors.Lights;
using DominantColors.Regions;
using Microsoft.Extensions.Configuration;

namespace DominantColors.Configuration;

/// <summary>Reads the config's <c>lights:</c> list: <c>name</c>, <c>zone</c> (a name or <c>{x, y, width, height}</c>) and <c>pick</c>.</summary>
internal static class LightsReader
{
    private static readonly string[] LightKeys = ["name", "zone", "pick"];
    private static readonly string[] AreaKeys = ["x", "y", "width", "height"];

    public static List<LightDefinition> Read(IConfigurationSection lights, ConfigErrors errors)
    {
        var result = new List<LightDefinition>();
        if (lights.Value is { Length: > 0 } && !lights.GetChildren().Any())
        {
            errors.Add(lights.Path, "expects a list of lights, each with name, zone and pick");
            return result;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var light in lights.GetChildren())
        {
            foreach (var key in light.GetChildren())
            {
                if (!LightKeys.Contains(key.Key, StringComparer.OrdinalIgnoreCase))
                {
                    errors.Add(key.Path, $"unknown key '{key.Key}'; allowed here: {string.Join(", ", LightKeys)}");
                }
            }

            var name = light["name"];
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add(ConfigPath.Combine(light.Path, "name"), "is required: the name outputs use to refer to this light");
                continue;
            }

            if (!names.Add(name))
            {
                errors.Add(ConfigPath.Combine(light.Path, "name"), $"'{name}' is already the name of another light; names must be unique");
            }

            var zone = ReadZone(light.GetSection("zone"), errors);
            var pick = LightPick.Dominant;
            if (light["pick"] is { Length: > 0 } pickText && !LightPick.TryParse(pickText, out pick, out _))
            {
                errors.Add(ConfigPath.Combine(light.Path, "pick"), $"'{pickText}' is not allowed; use one of {LightPick.AllowedForms}");
            }

            result.Add(new LightDefinition(name, zone, pick));
        }

        return result;
    }

    private static Zone ReadZone(IConfigurationSection zone, ConfigErrors errors)
    {
        var children = zone.GetChildren().ToList();
        if (children.Count == 0)
        {
            if (string.IsNullOrEmpty(zone.Value))
            {
                return Zone.Whole;
            }

            if (Zone.TryParse(zone.Value, out var named, out _))
            {
                return named;
            }

            errors.Add(zone.Path, $"'{zone.Value}' is not allowed; use one of {string.Join(" | ", Zone.PresetNames)}, or {{x, y, width, height}} in 0..1");
            return Zone.Whole;
        }

        var values = new float[4];
        var ok = true;
        foreach (var child in children)
        {
            var index = Array.FindIndex(AreaKeys, k => k.Equals(child.Key, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                errors.Add(child.Path, $"unknown key '{child.Key}'; allowed here: {string.Join(", ", AreaKeys)}");
                ok = false;
            }
            else if (!float.TryParse(child.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out values[index]) || values[index] is < 0 or > 1)
            {
                errors.Add(child.Path, $"expects a number in 0..1, got '{child.Value}'");
                ok = false;
            }
        }

        foreach (var key in AreaKeys.Where(k => children.All(c => !c.Key.Equals(k, StringComparison.OrdinalIgnoreCase))))
        {
            errors.Add(ConfigPath.Combine(zone.Path, key), "is required in a zone given as {x, y, width, height}");
            ok = false;
        }

        if (!ok)
        {
            return Zone.Whole;
        }

        if (!Zone.TryCreate(values[0], values[1], values[2], values[3], out var area, out var error))
        {
            errors.Add(zone.Path, error ?? "must have a size and lie inside the picture (x + width <= 1, y + height <= 1)");
            return Zone.Whole;
        }

        return area;
    }
}
