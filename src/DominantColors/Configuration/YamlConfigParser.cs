using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DominantColors.Configuration;

/// <summary>
/// Flattens a YAML document into configuration keys (<c>outputs:0:port</c>) and remembers the line of every key, so
/// errors can point into the file. Duplicate keys are errors (YAML forbids them; silently taking one would hide a typo).
/// </summary>
internal static class YamlConfigParser
{
    /// <summary>Parses <paramref name="reader"/>; throws <see cref="InvalidConfigException"/> naming the line of a syntax error.</summary>
    public static (Dictionary<string, string?> Data, ConfigLineMap Lines) Parse(TextReader reader, string fileName)
    {
        var stream = new YamlStream();
        var parser = new PositionTrackingParser(reader);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            var reason = (ex.InnerException?.Message ?? ex.Message).Trim();
            throw new InvalidConfigException([new ConfigError(fileName, (int)ex.Start.Line, $"is not valid YAML: {reason}")]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on e.g. "pick: [dominant" inside a list item, without a position.
            throw new InvalidConfigException([new ConfigError(fileName, parser.LastLine, "is not valid YAML: the reader stopped after this line; look for an unclosed [ or { here or below")]);
        }

        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var lines = new ConfigLineMap();
        var errors = new List<ConfigError>();
        if (stream.Documents.Count > 0)
        {
            var root = stream.Documents[0].RootNode;
            if (root is YamlMappingNode mapping)
            {
                Visit(mapping, string.Empty, data, lines, errors);
            }
            else if (!(root is YamlScalarNode { Value: null or "" }))
            {
                errors.Add(new ConfigError(fileName, (int)root.Start.Line, "must be a mapping of sections (source:, lights:, outputs: ...)"));
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidConfigException(errors);
        }

        return (data, lines);
    }

    private static void Visit(YamlNode node, string path, Dictionary<string, string?> data, ConfigLineMap lines, List<ConfigError> errors)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                    var childPath = ConfigPath.Combine(path, key);
                    if (!seen.Add(key))
                    {
                        errors.Add(new ConfigError(ConfigPath.ToDisplay(childPath), (int)keyNode.Start.Line, "appears twice; keep one"));
                        continue;
                    }

                    lines.Set(childPath, (int)keyNode.Start.Line);
                    Visit(valueNode, childPath, data, lines, errors);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    var childPath = ConfigPath.Combine(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    lines.Set(childPath, (int)sequence.Children[i].Start.Line);
                    Visit(sequence.Children[i], childPath, data, lines, errors);
                }

                break;
            case YamlScalarNode scalar:
                var isNull = scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "~" or "null" or "Null" or "NULL";
                data[path] = isNull ? string.Empty : scalar.Value;
                break;
        }
    }
}
