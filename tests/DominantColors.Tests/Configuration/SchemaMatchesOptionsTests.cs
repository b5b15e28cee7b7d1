using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using DominantColors.Configuration;
using DominantColors.Hosting;
using DominantColors.Outputs;
using DominantColors.Sources;
using DominantColors.Tests.Samples;
using Microsoft.Extensions.DependencyInjection;

namespace DominantColors.Tests.Configuration;

/// <summary>
/// config/dominant-colors.schema.json describes exactly the keys the binder accepts: every top-level section, source
/// type and output type, with the same keys (nested ones too) and the same ranges as the options classes, so a key
/// added to an options class cannot be missing from the schema, nor a key the daemon refuses be offered by it.
/// </summary>
public sealed class SchemaMatchesOptionsTests
{
    private static readonly Lazy<JsonObject> Schema = new(() =>
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("config/dominant-colors.schema.json")))!.AsObject());

    private static readonly Lazy<ServiceProvider> Plugins = new(() => new ServiceCollection().AddPlugins().BuildServiceProvider());

    public static TheoryData<string> Sections => new(Plugins.Value.GetServices<ConfigSectionRegistration>().Select(s => s.Name));

    public static TheoryData<string> SourceTypes => new(Plugins.Value.GetServices<IFrameSourceFactory>().Select(f => f.Type));

    public static TheoryData<string> OutputTypes => new(Plugins.Value.GetServices<IColorSinkFactory>().Select(f => f.Type));

    [Fact]
    public void RootProperties_AreTheTopLevelKeysConfigCheckAllows()
    {
        var checker = new ConfigChecker(
            Plugins.Value.GetServices<IFrameSourceFactory>(), Plugins.Value.GetServices<IColorSinkFactory>(), Plugins.Value.GetServices<ConfigSectionRegistration>());

        Assert.Equal(checker.RootKeys.Order(StringComparer.Ordinal), Keys(Schema.Value).Order(StringComparer.Ordinal));
        Assert.False(Schema.Value["additionalProperties"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Section_SchemaHasTheOptionsKeysAndRanges(string name)
    {
        var registration = Plugins.Value.GetServices<ConfigSectionRegistration>().Single(s => s.Name == name);

        AssertMatches(registration.OptionsType, (JsonObject)Schema.Value["properties"]![name]!, name);
    }

    [Theory]
    [MemberData(nameof(SourceTypes))]
    public void SourceType_SchemaHasTheOptionsKeysAndRanges(string type)
    {
        var factory = Plugins.Value.GetServices<IFrameSourceFactory>().Single(f => f.Type == type);

        AssertMatches(OptionsTypeOf(factory.GetType()), Definition("source-" + type), "source", ignored: "type");
    }

    [Theory]
    [MemberData(nameof(OutputTypes))]
    public void OutputType_SchemaHasTheOptionsKeysAndRanges(string type)
    {
        var factory = Plugins.Value.GetServices<IColorSinkFactory>().Single(f => f.Type == type);

        AssertMatches(OptionsTypeOf(factory.GetType()), Definition("output-" + type), $"outputs[{type}]", ignored: "type");
    }

    /// <summary>The options type of a factory: the type argument of its generic base (<c>ColorSinkFactory&lt;T&gt;</c>).</summary>
    private static Type OptionsTypeOf(Type factory)
    {
        for (var type = factory.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType)
            {
                return type.GetGenericArguments()[0];
            }
        }

        throw new InvalidOperationException($"{factory.Name} does not bind through a generic factory base.");
    }

    private static void AssertMatches(Type options, JsonObject schema, string path, string? ignored = null)
    {
        var properties = SectionBinder.BindableProperties(options).ToDictionary(SectionBinder.KeyOf, StringComparer.Ordinal);
        Assert.True(
            properties.Keys.Order(StringComparer.Ordinal).SequenceEqual(Keys(schema).Where(k => k != ignored).Order(StringComparer.Ordinal)),
            $"{path}: options {options.Name} has [{string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}], "
            + $"the schema [{string.Join(", ", Keys(schema).Where(k => k != ignored).Order(StringComparer.Ordinal))}]");
        Assert.False(schema["additionalProperties"]?.GetValue<bool>() ?? true, $"{path}: the schema must refuse unknown keys, as the binder does");

        foreach (var (key, property) in properties)
        {
            var node = Resolve((JsonObject)schema["properties"]![key]!);
            if (property.GetCustomAttribute<RangeAttribute>() is { } range)
            {
                Assert.True(
                    Number(range.Minimum) == Number(node["minimum"]) && Number(range.Maximum) == Number(node["maximum"]),
                    $"{path}.{key}: options range {range.Minimum}..{range.Maximum}, schema {node["minimum"]}..{node["maximum"]}");
            }

            if (Nested(property.PropertyType) is { } nested)
            {
                var items = node["items"] is JsonObject list ? Resolve(list) : node;
                AssertMatches(nested, items, $"{path}.{key}");
            }
        }
    }

    /// <summary>The class a property binds as a mapping (itself, or the element of a list), or null for a scalar.</summary>
    private static Type? Nested(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(List<>))
        {
            underlying = underlying.GetGenericArguments()[0];
        }
        else if (underlying.IsArray)
        {
            underlying = underlying.GetElementType()!;
        }

        return underlying.IsClass && underlying != typeof(string) && !underlying.IsGenericType && underlying.GetConstructor(Type.EmptyTypes) is not null
            ? underlying
            : null;
    }

    private static JsonObject Definition(string name) => (JsonObject)Schema.Value["$defs"]![name]!;

    private static JsonObject Resolve(JsonObject node) =>
        node["$ref"]?.GetValue<string>() is { } reference ? Definition(reference["#/$defs/".Length..]) : node;

    private static IEnumerable<string> Keys(JsonObject schema) => ((JsonObject?)schema["properties"] ?? []).Select(p => p.Key);

    private static double? Number(object? value) => value switch
    {
        null => null,
        JsonNode node => node.GetValue<double>(),
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };
}
