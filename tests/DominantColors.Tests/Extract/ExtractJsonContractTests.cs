using System.Globalization;
using System.Text.Json;
using DominantColors.Tests.Samples;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Tests.Extract;

public sealed class ExtractJsonContractTests : IDisposable
{
    private static readonly ImageRgb24 Red = new(255, 0, 0);
    private static readonly ImageRgb24 Blue = new(0, 0, 255);
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Json_TwoPictures_OneArrayWithExactlyTheContractFields()
    {
        var first = _folder.Png("a.png", 40, 40, Red, Blue, firstShare: 0.75);
        var second = _folder.Png("b.png", 30, 20, Blue, Red, firstShare: 1.0);

        var run = await ExtractRun.RunAsync("--format", "json", "-k", "2", first, second);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        var inputs = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, inputs.Length);
        foreach (var input in inputs)
        {
            Assert.Equal(["file", "width", "height", "palette", "accent", "foreground", "background", "ms"], input.EnumerateObject().Select(p => p.Name));
            Assert.True(input.GetProperty("ms").GetDouble() >= 0);
            foreach (var color in input.GetProperty("palette").EnumerateArray())
            {
                Assert.Equal(["hex", "rgb", "weight"], color.EnumerateObject().Select(p => p.Name));
                var rgb = color.GetProperty("rgb").EnumerateArray().Select(c => c.GetInt32()).ToArray();
                Assert.Equal(3, rgb.Length);
                Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"#{rgb[0]:x2}{rgb[1]:x2}{rgb[2]:x2}"), color.GetProperty("hex").GetString());
            }
        }

        Assert.Equal(first, inputs[0].GetProperty("file").GetString());
        Assert.Equal(40, inputs[0].GetProperty("width").GetInt32());
        Assert.Equal(40, inputs[0].GetProperty("height").GetInt32());
        var palette = inputs[0].GetProperty("palette").EnumerateArray().ToArray();
        Assert.Equal("#ff0000", palette[0].GetProperty("hex").GetString());
        Assert.Equal(0.75, palette[0].GetProperty("weight").GetDouble(), 3);
        Assert.Equal("#0000ff", palette[1].GetProperty("hex").GetString());
        Assert.Equal(0.25, palette[1].GetProperty("weight").GetDouble(), 3);

        Assert.Equal(second, inputs[1].GetProperty("file").GetString());
        Assert.Equal((30, 20), (inputs[1].GetProperty("width").GetInt32(), inputs[1].GetProperty("height").GetInt32()));
        var single = Assert.Single(inputs[1].GetProperty("palette").EnumerateArray());
        Assert.Equal("#0000ff", single.GetProperty("hex").GetString());
        Assert.Equal(1.0, single.GetProperty("weight").GetDouble());
    }

    [Fact]
    public async Task Json_PaletteOfManyColors_IsSortedByWeight()
    {
        var file = _folder.Png("sorted.png", 50, 50, Blue, Red, firstShare: 0.3);

        var run = await ExtractRun.RunAsync("--format", "json", "-k", "3", file);

        using var document = JsonDocument.Parse(run.Output);
        var weights = document.RootElement[0].GetProperty("palette").EnumerateArray().Select(c => c.GetProperty("weight").GetDouble()).ToArray();
        Assert.Equal(weights.OrderDescending(), weights);
        Assert.Equal(1.0, weights.Sum(), 3);
        Assert.Equal("#ff0000", document.RootElement[0].GetProperty("palette")[0].GetProperty("hex").GetString());
    }

    [Fact]
    public async Task Json_NoReadableInput_WritesAnEmptyArray()
    {
        var bad = _folder.Write("bad.png", [1, 2, 3]);

        var run = await ExtractRun.RunAsync("--format", "json", bad);

        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal(0, document.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task JsonLines_Video_OneObjectPerFrameInOrderWithFrameAndPts()
    {
        var video = _folder.Combine("red-blue.mkv");
        await TestFolder.FfmpegAsync(
            "-f", "lavfi", "-i", "nullsrc",
            "-filter_complex", "color=c=0xff0000:s=64x36:r=10:d=0.3[a];color=c=0x0000ff:s=64x36:r=10:d=0.2[b];[a][b]concat=n=2:v=1,format=bgr0[out]",
            "-map", "[out]", "-c:v", "ffv1", video);

        var run = await ExtractRun.RunAsync("--format", "jsonl", "-k", "1", video);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            using var line = JsonDocument.Parse(lines[i]);
            var root = line.RootElement;
            Assert.Equal(
                ["file", "frame", "pts", "width", "height", "palette", "accent", "foreground", "background", "ms"],
                root.EnumerateObject().Select(p => p.Name));
            Assert.Equal(video, root.GetProperty("file").GetString());
            Assert.Equal(i, root.GetProperty("frame").GetInt32());
            Assert.Equal(i / 10.0, root.GetProperty("pts").GetDouble(), 3);
            Assert.Equal(64, root.GetProperty("width").GetInt32());
            Assert.Equal(i < 3 ? "#ff0000" : "#0000ff", root.GetProperty("palette")[0].GetProperty("hex").GetString());
        }
    }

    [Fact]
    public async Task Json_Video_OneObjectWithWholeVideoPaletteAndItsFrames()
    {
        var video = _folder.Combine("clip.mp4");
        await TestFolder.FfmpegAsync("-f", "lavfi", "-i", "color=c=0x00ff00:s=64x36:r=10:d=0.4", "-pix_fmt", "yuv420p", video);

        var run = await ExtractRun.RunAsync("--format", "json", "-k", "1", video);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var input = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal(["file", "width", "height", "palette", "accent", "ms", "frames"], input.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4, input.GetProperty("frames").GetArrayLength());
        var hex = input.GetProperty("palette")[0].GetProperty("hex").GetString()!;
        Assert.True(Colors.Rgb24.TryParseHex(hex, out var green));
        Assert.InRange(green.G, 240, 255);
        Assert.InRange(green.R, 0, 15);
    }

    [Fact]
    public async Task JsonLines_Picture_HasNoFrameOrPts()
    {
        var file = _folder.Png("p.png", 8, 8, Red, Red);

        var run = await ExtractRun.RunAsync("--format", "jsonl", file);

        using var line = JsonDocument.Parse(run.Output.Trim());
        Assert.Equal(
            ["file", "width", "height", "palette", "accent", "foreground", "background", "ms"], line.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
