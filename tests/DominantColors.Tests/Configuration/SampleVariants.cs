using System.Text.RegularExpressions;

namespace DominantColors.Tests.Configuration;

/// <summary>
/// The sample config with one of its commented-out alternatives switched on (another source kind, a WLED layout,
/// Hue Entertainment, MQTT login and TLS, ...), so the tests can hold those comments to the same rules as the live keys.
/// </summary>
internal static class SampleVariants
{
    public static IReadOnlyList<string> Names { get; } =
        ["pattern", "folder", "ffmpeg", "hyperion", "wled-layout", "hue-entertainment", "mqtt-login-tls", "mqtt-template", "homeassistant-login-tls", "web-token", "e131", "artnet", "adalight", "spi"];

    /// <summary>The sample with the alternative <paramref name="name"/> live; <paramref name="folder"/> stands in for /srv/frames.</summary>
    public static string Apply(string sample, string name, string folder) => name switch
    {
        "pattern" => Uncomment(WithoutLiveSource(sample), "# source:", occurrence: 0),
        "folder" => Uncomment(WithoutLiveSource(sample), "# source:", occurrence: 1).Replace("/srv/frames", folder, StringComparison.Ordinal),
        "ffmpeg" => Uncomment(WithoutLiveSource(sample), "# source:", occurrence: 2),
        "hyperion" => Uncomment(WithoutLiveSource(sample), "# source:", occurrence: 3),
        "wled-layout" => Uncomment(Remove(sample, "    lights: [left, tv, right]\n", "    ledCount: 90\n"), "    # layout:"),
        "hue-entertainment" => HueEntertainment(sample),
        "mqtt-login-tls" => Uncomment(Uncomment(Uncomment(sample, "    # username: dominant-colors"), "    # passwordFile: /etc/dominant-colors/mqtt-password"), "    # tls:"),
        "mqtt-template" => Uncomment(Uncomment(Replace(sample, "    preset: zigbee2mqtt\n", "    preset: template\n"), "    # payload: '{\"color\":\"{hex}\"}'"), "    # payloadOff: '{\"state\":\"OFF\"}'"),
        "homeassistant-login-tls" => Uncomment(Uncomment(Uncomment(sample, "  # username: dominant-colors"), "  # passwordFile: /etc/dominant-colors/mqtt-password"), "  # tls:"),
        "web-token" => Replace(Uncomment(sample, "  # token: 0123456789abcdef0123456789abcdef"), "  address: 127.0.0.1\n", "  address: 0.0.0.0\n"),
        "e131" or "artnet" or "adalight" or "spi" => Uncomment(sample, $"  # - type: {name}"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such variant of the sample"),
    };

    private static string HueEntertainment(string sample)
    {
        var yaml = Remove(sample, "    lights:\n      - id: Hue go\n        light: sofa\n      - id: Shelf lamp\n        light: shelf\n");
        yaml = Replace(yaml, "    mode: rest\n", "    mode: entertainment\n");
        foreach (var line in new[] { "    # area: TV area", "    # channels:", "    # takeOver: false", "    # rate: 50", "    # pauseAfterBlackSeconds: 30", "    # statusIntervalSeconds: 5", "    # realtimeThread: true" })
        {
            yaml = Uncomment(yaml, line);
        }

        return yaml;
    }

    /// <summary>Removes the live <c>source:</c> block (the mapping at the top of the file, up to its blank line).</summary>
    private static string WithoutLiveSource(string sample)
    {
        var live = new Regex("^source:\n(  .*\n)+", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        Assert.Matches(live, sample);
        return live.Replace(sample, string.Empty, 1);
    }

    /// <summary>
    /// Removes <c># </c> from the <paramref name="occurrence"/>-th line equal to <paramref name="line"/> and from the
    /// commented lines nested under it (deeper than it), so a commented-out block becomes live YAML.
    /// </summary>
    private static string Uncomment(string yaml, string line, int occurrence = 0)
    {
        var lines = yaml.Split('\n');
        var start = Enumerable.Range(0, lines.Length).Where(i => lines[i] == line).Skip(occurrence).DefaultIfEmpty(-1).First();
        Assert.True(start >= 0, $"the sample has no line '{line}' (occurrence {occurrence})");
        var indent = line.IndexOf('#', StringComparison.Ordinal);
        var nested = new string(' ', indent) + "#   ";
        lines[start] = lines[start].Remove(indent, 2);
        for (var i = start + 1; i < lines.Length && lines[i].StartsWith(nested, StringComparison.Ordinal); i++)
        {
            lines[i] = lines[i].Remove(indent, 2);
        }

        return string.Join('\n', lines);
    }

    private static string Remove(string yaml, params string[] texts) =>
        texts.Aggregate(yaml, (current, text) => Replace(current, text, string.Empty));

    private static string Replace(string yaml, string text, string replacement)
    {
        Assert.Contains(text, yaml, StringComparison.Ordinal);
        return yaml.Replace(text, replacement, StringComparison.Ordinal);
    }
}
