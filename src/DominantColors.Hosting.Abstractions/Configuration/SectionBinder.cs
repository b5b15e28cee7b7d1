using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace DominantColors.Configuration;

/// <summary>
/// Binds a configuration section to an options class strictly: a key the class does not have, a value that does not
/// parse (a misspelled enum name, a word where a number belongs) and a failed DataAnnotations rule are each an error
/// that names the key path and what is allowed. The framework binder silently ignores unknown keys; this one does not.
/// It is the one binder and the one validation style of the configuration: single values by DataAnnotations, rules
/// across keys by <see cref="IValidatableObject"/> (each result's member name is a property name or a key path
/// relative to the section, such as <c>tls:keyFile</c>; a value that did not parse keeps its default meanwhile).
/// </summary>
public static partial class SectionBinder
{
    /// <summary>Binds a section to a new <typeparamref name="T"/>, adding every problem to the errors.</summary>
    /// <param name="section">The section to read.</param>
    /// <param name="errors">Where problems go, with their key paths.</param>
    /// <param name="ignoredKeys">Keys that belong to the caller (e.g. an output's <c>type</c>), not to <typeparamref name="T"/>.</param>
    public static T Bind<T>(IConfigurationSection section, ConfigErrors errors, params IReadOnlyCollection<string> ignoredKeys)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(errors);
        var result = new T();
        BindInto(result, section, errors, ignoredKeys);
        return result;
    }

    /// <summary>The YAML key of a property: its <see cref="ConfigurationKeyNameAttribute"/> or its camelCase name.</summary>
    public static string KeyOf(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name
            ?? char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
    }

    /// <summary>The properties a YAML key can set: public, with a public setter (the JSON Schema test reads the same).</summary>
    public static IEnumerable<PropertyInfo> BindableProperties(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic);
    }

    /// <summary>The names an enum accepts in YAML: lower case, as the user writes them.</summary>
    public static string AllowedNames(Type enumType) =>
        string.Join(" | ", Enum.GetNames(enumType).Select(n => n.ToLowerInvariant()));

    /// <summary>Parses an enum name as users write it: any case, with or without <c>-</c> or <c>_</c>; numbers are refused.</summary>
    public static bool TryParseEnum(Type enumType, string text, out object? value)
    {
        var wanted = Normalize(text);
        foreach (var name in Enum.GetNames(enumType))
        {
            if (string.Equals(Normalize(name), wanted, StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse(enumType, name);
                return true;
            }
        }

        value = null;
        return false;

        static string Normalize(string s) => s.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
    }

    private static void BindInto(object target, IConfigurationSection section, ConfigErrors errors, IReadOnlyCollection<string> ignoredKeys)
    {
        var properties = BindableProperties(target.GetType()).ToDictionary(KeyOf, StringComparer.OrdinalIgnoreCase);

        if (section.Value is { Length: > 0 } scalar && !section.GetChildren().Any())
        {
            errors.Add(section.Path, $"expects a mapping with the keys {string.Join(", ", properties.Keys)}, got '{scalar}'");
            return;
        }

        foreach (var child in section.GetChildren())
        {
            if (ignoredKeys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!properties.TryGetValue(child.Key, out var property))
            {
                errors.Add(child.Path, $"unknown key '{child.Key}'; allowed here: {string.Join(", ", properties.Keys.Where(k => !ignoredKeys.Contains(k, StringComparer.OrdinalIgnoreCase)))}");
                continue;
            }

            if (TryConvert(property.PropertyType, child, errors, out var value))
            {
                property.SetValue(target, value);
            }
        }

        ValidateAnnotations(target, section, errors, properties.Values);
        ValidateObject(target, section, errors, properties.Values);
    }

    private static bool TryConvert(Type type, IConfigurationSection section, ConfigErrors errors, out object? value)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var hasChildren = section.GetChildren().Any();
        value = null;

        if (IsScalar(underlying))
        {
            if (hasChildren)
            {
                errors.Add(section.Path, $"expects a single {Describe(underlying)}, not a list or mapping");
                return false;
            }

            if (string.IsNullOrEmpty(section.Value))
            {
                if (underlying == typeof(string))
                {
                    value = string.Empty;
                    return true;
                }

                return false;
            }

            return TryParseScalar(underlying, section, errors, out value);
        }

        if (TryGetListElement(underlying, out var element))
        {
            if (section.Value is { Length: > 0 } && !hasChildren)
            {
                errors.Add(section.Path, $"expects a list of {Describe(element)}, got '{section.Value}'");
                return false;
            }

            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            foreach (var item in section.GetChildren().OrderBy(c => int.TryParse(c.Key, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue))
            {
                if (TryConvert(element, item, errors, out var itemValue))
                {
                    list.Add(itemValue);
                }
            }

            value = underlying.IsArray ? ToArray(list, element) : list;
            return true;
        }

        if (underlying == typeof(Dictionary<string, string>))
        {
            value = section.GetChildren().ToDictionary(c => c.Key, c => c.Value ?? string.Empty, StringComparer.Ordinal);
            return true;
        }

        if (underlying.IsClass && underlying.GetConstructor(Type.EmptyTypes) is { } constructor)
        {
            var nested = constructor.Invoke(null);
            BindInto(nested, section, errors, []);
            value = nested;
            return true;
        }

        throw new NotSupportedException($"{underlying} cannot be bound from configuration.");
    }

    private static void ValidateAnnotations(object target, IConfigurationSection section, ConfigErrors errors, IEnumerable<PropertyInfo> properties)
    {
        foreach (var property in properties)
        {
            var value = property.GetValue(target);
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (!attribute.IsValid(value))
                {
                    errors.Add(ConfigPath.Combine(section.Path, KeyOf(property)), Describe(attribute, value));
                }
            }
        }

    }

    private static void ValidateObject(object target, IConfigurationSection section, ConfigErrors errors, IEnumerable<PropertyInfo> properties)
    {
        if (target is IValidatableObject validatable)
        {
            foreach (var result in validatable.Validate(new ValidationContext(target)))
            {
                var member = result.MemberNames.FirstOrDefault();
                var key = member is null ? null : properties.FirstOrDefault(p => p.Name == member) is { } p ? KeyOf(p) : member;
                errors.Add(key is null ? section.Path : ConfigPath.Combine(section.Path, key), result.ErrorMessage ?? "is invalid");
            }
        }
    }

    private static string Describe(ValidationAttribute attribute, object? value)
    {
        if (attribute.ErrorMessage is { } custom)
        {
            return custom;
        }

        var shown = string.Format(CultureInfo.InvariantCulture, "{0}", value);
        return attribute switch
        {
            RequiredAttribute => "is required",
            RangeAttribute range => $"must be between {range.Minimum} and {range.Maximum}, got {shown}",
            MinLengthAttribute min => $"needs at least {min.Length} entries",
            LengthAttribute length => $"needs between {length.MinimumLength} and {length.MaximumLength} entries",
            RegularExpressionAttribute regex => $"'{shown}' does not match {regex.Pattern}",
            _ => attribute.FormatErrorMessage("value"),
        };
    }

    private static bool TryGetListElement(Type type, out Type element)
    {
        if (type.IsArray)
        {
            element = type.GetElementType()!;
            return true;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>)))
        {
            element = type.GetGenericArguments()[0];
            return true;
        }

        element = typeof(object);
        return false;
    }

    private static Array ToArray(IList list, Type element)
    {
        var array = Array.CreateInstance(element, list.Count);
        list.CopyTo(array, 0);
        return array;
    }
}
