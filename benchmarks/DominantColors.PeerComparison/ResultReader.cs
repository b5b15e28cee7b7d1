using System.Text.Json;
using DominantColors.Colors;

namespace DominantColors.PeerComparison;

/// <summary>
/// Reads palettes: the peers' from the harness's JSON, ours from <c>dominant-colors extract --format json</c>
/// (one file per k and run, named <c>ours-k{K}-{run}.json</c>; times are the median over the runs).
/// </summary>
internal static class ResultReader
{
    public const string Ours = "ours";

    /// <summary>The peers' palettes, and each tool's name and label in the harness's order.</summary>
    public static (List<ToolPalette> Palettes, List<(string Name, string Label)> Tools, string Node) ReadPeers(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var tools = root.GetProperty("tools").EnumerateArray()
            .Select(t => (t.GetProperty("name").GetString()!, t.GetProperty("label").GetString()!))
            .ToList();
        var palettes = new List<ToolPalette>();
        foreach (var result in root.GetProperty("results").EnumerateArray())
        {
            var tool = result.GetProperty("tool").GetString()!;
            var file = result.GetProperty("file").GetString()!;
            var k = result.GetProperty("k").GetInt32();
            if (result.TryGetProperty("frames", out var frames))
            {
                foreach (var frame in frames.EnumerateArray())
                {
                    palettes.Add(Palette(tool, file, k, frame.GetProperty("frame").GetInt32(), frame, "population"));
                }
            }
            else
            {
                palettes.Add(Palette(tool, file, k, null, result, "population"));
            }
        }

        return (palettes, tools, root.GetProperty("node").GetString()!);
    }

    /// <summary>Our palettes from every <c>ours-k*-*.json</c> in <paramref name="directory"/>.</summary>
    public static List<ToolPalette> ReadOurs(string directory)
    {
        var runs = new List<ToolPalette>();
        foreach (var path in Directory.EnumerateFiles(directory, "ours-k*-*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var k = int.Parse(name.AsSpan(6, name.IndexOf('-', 6) - 6), System.Globalization.CultureInfo.InvariantCulture);
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (var input in document.RootElement.EnumerateArray())
            {
                var file = Path.GetFileName(input.GetProperty("file").GetString()!);
                if (input.TryGetProperty("frames", out var frames))
                {
                    foreach (var frame in frames.EnumerateArray())
                    {
                        runs.Add(Palette(Ours, file, k, (int)frame.GetProperty("frame").GetInt64(), frame, "weight"));
                    }
                }
                else
                {
                    runs.Add(Palette(Ours, file, k, null, input, "weight"));
                }
            }
        }

        // Every run gives the same palette (the seed is fixed); keep the first and the median time.
        return runs
            .GroupBy(r => (r.File, r.K, r.Frame))
            .Select(g => g.First() with { Milliseconds = Statistics.Median(g.Select(r => r.Milliseconds)) })
            .ToList();
    }

    private static ToolPalette Palette(string tool, string file, int k, int? frame, JsonElement element, string weightName)
    {
        var colors = new List<Rgb24>();
        var weights = new List<double>();
        foreach (var entry in element.GetProperty("palette").EnumerateArray())
        {
            var rgb = entry.GetProperty("rgb");
            colors.Add(new Rgb24(Channel(rgb[0]), Channel(rgb[1]), Channel(rgb[2])));
            if (entry.TryGetProperty(weightName, out var weight) && weight.ValueKind == JsonValueKind.Number)
            {
                weights.Add(weight.GetDouble());
            }
        }

        var ms = element.GetProperty("ms").GetDouble();
        return new ToolPalette(tool, file, k, frame, [.. colors], weights.Count == colors.Count ? [.. weights] : [], ms);
    }

    /// <summary>A channel as a byte; tools that average in floating point may give fractions.</summary>
    private static byte Channel(JsonElement value) => (byte)Math.Clamp(Math.Round(value.GetDouble()), 0, 255);
}
