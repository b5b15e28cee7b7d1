using System.Text.Json;
using DominantColors.Tests.Samples;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Tests.Extract;

/// <summary>The accent, foreground and background of each picture and video frame, in every format.</summary>
public sealed class ExtractRolesTests : IDisposable
{
    private static readonly ImageRgb24 Grey = new(128, 128, 128);
    private static readonly ImageRgb24 Orange = new(255, 128, 0);
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Json_SubjectInTheMiddle_ForegroundIsTheSubjectBackgroundTheSurroundAccentTheColorfulOne()
    {
        var file = Subject("subject.png");

        var run = await ExtractRun.RunAsync("--format", "json", "-k", "2", file);

        using var document = JsonDocument.Parse(run.Output);
        var input = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal("#808080", input.GetProperty("palette")[0].GetProperty("hex").GetString());
        Assert.Equal("#ff8000", input.GetProperty("accent").GetProperty("hex").GetString());
        Assert.Equal(0.25, input.GetProperty("accent").GetProperty("weight").GetDouble(), 3);
        Assert.Equal(["#ff8000"], Hexes(input.GetProperty("foreground")));
        Assert.Equal(["#808080"], Hexes(input.GetProperty("background")));
    }

    [Fact]
    public async Task Text_SubjectInTheMiddle_ShowsAccentForegroundAndBackground()
    {
        var file = Subject("subject.png");

        var run = await ExtractRun.RunAsync("--color", "never", "-k", "2", file);

        Assert.Contains("  accent #ff8000  fg #ff8000  bg #808080  (", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_SubjectInTheMiddle_RoleColumnNamesEachPalette()
    {
        var file = Subject("subject.png");

        var run = await ExtractRun.RunAsync("--format", "csv", "-k", "2", file);

        var rows = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.Split(',')).ToArray();
        Assert.Equal(["palette", "palette", "accent", "foreground", "background"], rows.Select(r => r[12]));
        Assert.Equal(["#808080", "#ff8000", "#ff8000", "#ff8000", "#808080"], rows.Select(r => r[6]));
        Assert.Equal(["1", "2", "1", "1", "1"], rows.Select(r => r[5]));
    }

    [Fact]
    public async Task JsonLines_Video_EveryFrameHasRoles()
    {
        var video = _folder.Combine("subject.mkv");
        var still = Subject("still.png");
        await TestFolder.FfmpegAsync("-loop", "1", "-i", still, "-t", "0.3", "-r", "10", "-c:v", "ffv1", "-pix_fmt", "bgr0", video);

        var run = await ExtractRun.RunAsync("--format", "jsonl", "-k", "2", video);

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        foreach (var text in lines)
        {
            using var line = JsonDocument.Parse(text);
            Assert.Equal("#ff8000", line.RootElement.GetProperty("accent").GetProperty("hex").GetString());
            Assert.Equal(["#ff8000"], Hexes(line.RootElement.GetProperty("foreground")));
            Assert.Equal(["#808080"], Hexes(line.RootElement.GetProperty("background")));
        }
    }

    private static string[] Hexes(JsonElement palette) => palette.EnumerateArray().Select(c => c.GetProperty("hex").GetString()!).ToArray();

    /// <summary>A grey 40x40 picture with an orange 20x20 square in the middle: exactly the center the split reads.</summary>
    private string Subject(string name)
    {
        using var image = new Image<ImageRgb24>(40, 40);
        for (var y = 0; y < 40; y++)
        {
            for (var x = 0; x < 40; x++)
            {
                image[x, y] = x is >= 10 and < 30 && y is >= 10 and < 30 ? Orange : Grey;
            }
        }

        using var png = new MemoryStream();
        image.Save(png, new PngEncoder());
        return _folder.Write(name, png.ToArray());
    }
}
