using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DominantColors.Tests.Samples;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Tests.Extract;

/// <summary><c>--format gpl</c> and <c>--format css</c>, each parsed back and compared with the JSON of the same run.</summary>
public sealed partial class ExtractExportTests : IDisposable
{
    private static readonly ImageRgb24 Red = new(255, 0, 0);
    private static readonly ImageRgb24 Blue = new(0, 0, 255);
    private static readonly ImageRgb24 Yellow = new(255, 255, 0);
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Gpl_TwoPictures_ParsesBackAsAGimpPaletteOfTheirColors()
    {
        var first = _folder.Png("sunset.png", 20, 20, Red, Blue, firstShare: 0.7);
        var second = _folder.Png("sea side.png", 20, 20, Blue, Yellow, firstShare: 0.6);
        var expected = await JsonPalettesAsync(first, second);

        var run = await ExtractRun.RunAsync("--format", "gpl", "-k", "2", first, second);

        // GIMP's own reader (app/core/gimppalette-load.c) wants "GIMP Palette" first, then optional Name/Columns
        // lines and '#' comments, then "R G B" (whitespace-separated, 0-255) with the rest of the line as the name.
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("GIMP Palette", lines[0]);
        var colors = new List<(string Hex, string Name)>();
        foreach (var line in lines.Skip(1).Where(l => !l.StartsWith('#') && !l.StartsWith("Name:", StringComparison.Ordinal) && !l.StartsWith("Columns:", StringComparison.Ordinal)))
        {
            var match = GplColor().Match(line);
            Assert.True(match.Success, $"not a GIMP palette color line: '{line}'");
            var rgb = Enumerable.Range(1, 3).Select(i => int.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture)).ToArray();
            Assert.All(rgb, c => Assert.InRange(c, 0, 255));
            colors.Add((string.Create(CultureInfo.InvariantCulture, $"#{rgb[0]:x2}{rgb[1]:x2}{rgb[2]:x2}"), match.Groups[4].Value));
        }

        Assert.Equal(expected.SelectMany(p => p), colors.Select(c => c.Hex));
        Assert.Equal("sunset.png 1 (70.0%)", colors[0].Name);
        Assert.Equal("sea side.png 2 (40.0%)", colors[3].Name);
    }

    [Fact]
    public async Task Css_TwoPicturesOfTheSameName_ParsesBackAsCustomPropertiesWithDistinctNames()
    {
        var first = _folder.Png("a/Sunset Beach.png", 20, 20, Red, Blue, firstShare: 0.7);
        var second = _folder.Png("b/Sunset Beach.png", 20, 20, Yellow, Blue, firstShare: 0.6);
        var expected = await JsonPalettesAsync(first, second);

        var run = await ExtractRun.RunAsync("--format", "css", "-k", "2", first, second);

        var css = run.Output.Trim();
        Assert.StartsWith(":root {", css, StringComparison.Ordinal);
        Assert.EndsWith("}", css, StringComparison.Ordinal);
        var body = CssComment().Replace(css[":root {".Length..^1], string.Empty);
        var properties = body.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => CssDeclaration().Match(d))
            .Select(m => Assert.IsType<Match>(m.Success ? m : null))
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(expected[0][0], properties["--sunset-beach-1"]);
        Assert.Equal(expected[0][1], properties["--sunset-beach-2"]);
        Assert.Equal(expected[1][0], properties["--sunset-beach-2-1"]);
        Assert.Equal(expected[1][1], properties["--sunset-beach-2-2"]);
        Assert.Equal("#ff0000", properties["--sunset-beach-accent"]);
        Assert.Contains("--sunset-beach-fg-1", properties.Keys);
        Assert.Contains("--sunset-beach-2-bg-1", properties.Keys);
    }

    private static async Task<string[][]> JsonPalettesAsync(params string[] files)
    {
        var run = await ExtractRun.RunAsync(["--format", "json", "-k", "2", .. files]);
        using var document = JsonDocument.Parse(run.Output);
        return document.RootElement.EnumerateArray()
            .Select(i => i.GetProperty("palette").EnumerateArray().Select(c => c.GetProperty("hex").GetString()!).ToArray())
            .ToArray();
    }

    [GeneratedRegex(@"^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$")]
    private static partial Regex GplColor();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CssComment();

    [GeneratedRegex(@"^(--[A-Za-z0-9_-]+)\s*:\s*(#[0-9a-f]{6})$")]
    private static partial Regex CssDeclaration();
}
