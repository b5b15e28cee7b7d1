using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace DominantColors.Tests.Fuzzing;

/// <summary>
/// Damages a YAML document the ways users and editors do: a value of the wrong type or size, a key misspelled or
/// removed, a scalar turned into a list or mapping, a list item repeated. Driven by a seed so a failure replays.
/// </summary>
internal static class YamlMutator
{
    /// <summary>Values that have broken parsers before: huge, negative, non-finite, empty, odd types, odd text.</summary>
    public static readonly string[] NastyScalars =
    [
        "", "~", "null", "0", "-1", "1.5", "-0", "1e309", "-1e309", "NaN", ".nan", ".inf", "-.inf", "99999999999999999999999",
        "2147483648", "-2147483649", "9223372036854775808", "0x10", "0o17", "1_000", "true", "no", "on", "#zzzzzz", "#ff00ff",
        "rank:0", "rank:-1", "rank:99999999999", "00:00:05", "-00:00:01", "99999999:00:00", "1e-320", "yes please", "[", "{",
        "\0", "\u202e", "é", "/", "../../etc/passwd", "127.0.0.1:99999", "::", "256.1.1.1", new string('9', 400), new string('a', 5000),
    ];

    private static readonly string[] NastyKeys = ["", "type", "name", "lights", "0", "-1", "zone", "pick", "x", "rate", "colour", "tls", "layout", "channels", "Type", "TYPE"];

    /// <summary>Applies 1-<paramref name="maxEdits"/> random edits to a deep copy of the document's root mapping.</summary>
    public static string Mutate(string yaml, int seed, int maxEdits)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = stream.Documents[0].RootNode;
        var random = new Random(seed);
        var edits = random.Next(1, maxEdits + 1);
        for (var i = 0; i < edits; i++)
        {
            var nodes = Flatten(root).ToList();
            var (parent, node) = nodes[random.Next(nodes.Count)];
            Edit(parent, node, random);
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static void Edit(YamlNode? parent, YamlNode node, Random random)
    {
        YamlNode? replacement = random.Next(6) switch
        {
            0 => new YamlScalarNode(NastyScalars[random.Next(NastyScalars.Length)]),
            1 => new YamlSequenceNode(new YamlScalarNode(NastyScalars[random.Next(NastyScalars.Length)])),
            2 => new YamlMappingNode(new YamlScalarNode(NastyKeys[random.Next(NastyKeys.Length)]), new YamlScalarNode(NastyScalars[random.Next(NastyScalars.Length)])),
            _ => null,
        };

        switch (parent)
        {
            case YamlMappingNode mapping:
                var key = mapping.Children.First(p => ReferenceEquals(p.Value, node)).Key;
                if (replacement is not null)
                {
                    mapping.Children[key] = replacement;
                }
                else if (random.Next(2) == 0)
                {
                    mapping.Children.Remove(key);
                }
                else
                {
                    mapping.Children.Remove(key);
                    var name = ((key as YamlScalarNode)?.Value ?? "key") + NastyKeys[random.Next(NastyKeys.Length)];
                    mapping.Children[new YamlScalarNode(name)] = node;
                }

                break;
            case YamlSequenceNode sequence:
                var index = sequence.Children.IndexOf(node);
                if (replacement is not null)
                {
                    sequence.Children[index] = replacement;
                }
                else if (random.Next(2) == 0 && sequence.Children.Count > 0)
                {
                    sequence.Children.RemoveAt(index);
                }
                else
                {
                    sequence.Children.Insert(index, node);
                }

                break;
        }
    }

    private static IEnumerable<(YamlNode? Parent, YamlNode Node)> Flatten(YamlNode root)
    {
        var pending = new Stack<(YamlNode?, YamlNode)>();
        pending.Push((null, root));
        while (pending.TryPop(out var item))
        {
            if (item.Item1 is not null)
            {
                yield return item;
            }

            var children = item.Item2 switch
            {
                YamlMappingNode mapping => mapping.Children.Select(p => p.Value),
                YamlSequenceNode sequence => sequence.Children,
                _ => [],
            };
            foreach (var child in children)
            {
                pending.Push((item.Item2, child));
            }
        }
    }
}
