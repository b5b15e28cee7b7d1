using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DominantColors.Tests.Web;

/// <summary>
/// A strict reader of the Prometheus text exposition format for tests: every line must be a HELP, TYPE or sample line,
/// every sample must belong to a family whose TYPE came first, label values must be properly quoted and escaped.
/// </summary>
internal static partial class PrometheusTextParser
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public sealed record Family(string Name, string Type, string Help, List<Sample> Samples);

    public static Dictionary<string, Family> Parse(string text)
    {
        var families = new Dictionary<string, Family>(StringComparer.Ordinal);
        var help = new Dictionary<string, string>(StringComparer.Ordinal);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var parts = line[7..].Split(' ', 2);
                help[parts[0]] = parts.Length > 1 ? parts[1] : string.Empty;
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line[7..].Split(' ');
                Assert.Equal(2, parts.Length);
                Assert.Contains(parts[1], new[] { "counter", "gauge", "histogram", "summary", "untyped" });
                Assert.False(families.ContainsKey(parts[0]), $"TYPE of {parts[0]} declared twice");
                families[parts[0]] = new Family(parts[0], parts[1], help.GetValueOrDefault(parts[0], string.Empty), []);
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a sample line: {line}");
            var name = match.Groups["name"].Value;
            var family = families.GetValueOrDefault(name) ?? FamilyOfHistogramSample(families, name);
            Assert.True(family is not null, $"sample {name} has no TYPE line before it");
            family!.Samples.Add(new Sample(name, ParseLabels(match.Groups["labels"].Value), ParseValue(match.Groups["value"].Value)));
        }

        return families;
    }

    private static Family? FamilyOfHistogramSample(Dictionary<string, Family> families, string name)
    {
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal)
                && families.TryGetValue(name[..^suffix.Length], out var family)
                && family.Type is "histogram" or "summary")
            {
                return family;
            }
        }

        return null;
    }

    private static Dictionary<string, string> ParseLabels(string text)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            var eq = text.IndexOf('=', i);
            var key = text[i..eq];
            Assert.Matches("^[a-zA-Z_][a-zA-Z0-9_]*$", key);
            Assert.Equal('"', text[eq + 1]);
            var value = new StringBuilder();
            var j = eq + 2;
            for (; text[j] != '"'; j++)
            {
                if (text[j] == '\\')
                {
                    j++;
                    value.Append(text[j] switch { 'n' => '\n', '\\' => '\\', '"' => '"', _ => throw new FormatException($"bad escape in {text}") });
                }
                else
                {
                    value.Append(text[j]);
                }
            }

            labels.Add(key, value.ToString());
            i = j + 1;
            if (i < text.Length)
            {
                Assert.Equal(',', text[i]);
                i++;
            }
        }

        return labels;
    }

    private static double ParseValue(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)$""")]
    private static partial Regex SampleLine();
}
