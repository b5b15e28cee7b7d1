using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace DominantColors.Configuration;

/// <summary>Single values: which types are scalars, how YAML text parses into them, and how they are named in errors.</summary>
public static partial class SectionBinder
{
    private static bool TryParseScalar(Type type, IConfigurationSection section, ConfigErrors errors, out object? value)
    {
        var text = section.Value!.Trim();
        value = null;
        if (type == typeof(string))
        {
            value = section.Value;
            return true;
        }

        if (type.IsEnum)
        {
            if (TryParseEnum(type, text, out value))
            {
                return true;
            }

            errors.Add(section.Path, $"'{text}' is not allowed; use one of {AllowedNames(type)}");
            return false;
        }

        var inv = CultureInfo.InvariantCulture;
        bool ok;
        if (type == typeof(bool))
        {
            ok = bool.TryParse(text, out var b) | TryYamlBool(text, out b);
            value = b;
        }
        else if (type == typeof(int))
        {
            ok = int.TryParse(text, NumberStyles.Integer, inv, out var i);
            value = i;
        }
        else if (type == typeof(long))
        {
            ok = long.TryParse(text, NumberStyles.Integer, inv, out var l);
            value = l;
        }
        else if (type == typeof(double))
        {
            ok = double.TryParse(text, NumberStyles.Float, inv, out var d) && double.IsFinite(d);
            value = d;
        }
        else
        {
            ok = TimeSpan.TryParse(text, inv, out var t);
            value = t;
        }

        if (!ok)
        {
            errors.Add(section.Path, $"expects {Describe(type)}, got '{text}'");
        }

        return ok;
    }

    private static bool TryYamlBool(string text, out bool value)
    {
        value = text.ToUpperInvariant() is "YES" or "ON" or "TRUE";
        return value || text.ToUpperInvariant() is "NO" or "OFF" or "FALSE";
    }

    private static bool IsScalar(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long)
        || type == typeof(double) || type == typeof(TimeSpan) || type.IsEnum;

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(TimeSpan) => "a duration like 00:00:05",
        _ when type == typeof(string) => "text",
        _ when type.IsEnum => $"one of {AllowedNames(type)}",
        _ => "a mapping",
    };
}
