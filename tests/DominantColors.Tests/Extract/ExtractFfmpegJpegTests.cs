using System.Text.Json;
using DominantColors.Cli;
using DominantColors.Colors;
using DominantColors.Tests.Samples;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Tests.Extract;

/// <summary>
/// <c>extract --jpeg-decoder ffmpeg</c> against the default ImageSharp decode of the same files, with real ffmpeg:
/// close palettes, the same order, the same lines for bad files and the same exit codes.
/// </summary>
public sealed class ExtractFfmpegJpegTests : IDisposable
{
    /// <summary>
    /// How far a color of the 1/8-scale palette may be from the full decode's, in OKLab: about one just-noticeable
    /// difference. The generated photos here and the benchmark's 12 MP ones come within 0.008.
    /// </summary>
    private const float Tolerance = 0.02f;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Extract_FfmpegDecoder_PalettesNearImageSharpsInInputOrder()
    {
        string[] files =
        [
            _folder.Write("a.jpg", PhotoJpegs.Get(0)),
            _folder.Jpeg("b-small.jpg", 64, 48, new ImageRgb24(200, 30, 60), new ImageRgb24(20, 90, 200), firstShare: 0.7),
            _folder.Write("c.jpg", PhotoJpegs.Get(1)),
            _folder.Png("d.png", 40, 40, new ImageRgb24(0, 160, 80), new ImageRgb24(250, 250, 250), firstShare: 0.4),
            _folder.Write("e.jpg", PhotoJpegs.Get(2)),
            _folder.Write("f.jpg", PhotoJpegs.Get(3)),
        ];

        var full = await RunAsync("imagesharp", files);
        var fast = await RunAsync("ffmpeg", files);

        Assert.Equal(ExitCodes.Success, full.ExitCode);
        Assert.Equal(ExitCodes.Success, fast.ExitCode);
        var expected = Records(full.Output);
        var actual = Records(fast.Output);
        Assert.Equal(files, actual.Select(record => record.File));
        Assert.Equal(files, expected.Select(record => record.File));
        for (var i = 0; i < files.Length; i++)
        {
            Assert.Equal((expected[i].Width, expected[i].Height), (actual[i].Width, actual[i].Height));
            if (files[i].EndsWith("small.jpg", StringComparison.Ordinal) || files[i].EndsWith(".png", StringComparison.Ordinal))
            {
                // Small JPEGs and other formats stay with ImageSharp: the very same palette.
                Assert.Equal(expected[i].Colors, actual[i].Colors);
                continue;
            }

            Assert.Equal(PhotoJpegs.Size, actual[i].Width);
            var distance = WorstMatchedDistance(expected[i].Colors, actual[i].Colors);
            Assert.True(distance <= Tolerance, $"{files[i]}: a color is {distance:0.0000} from the full decode's in OKLab.");
        }
    }

    [Fact]
    public async Task Extract_FfmpegDecoder_BadJpegsAmongGood_SameLinesAndExitCodeAsImageSharp()
    {
        var whole = PhotoJpegs.Get(4);
        string[] files =
        [
            _folder.Write("1-good.jpg", PhotoJpegs.Get(0)),
            _folder.Write("2-cut.jpg", whole[..(whole.Length * 2 / 3)]),
            _folder.Write("3-good.jpg", PhotoJpegs.Get(1)),
            _folder.Write("4-empty.jpg", []),
            _folder.Write("5-damaged.jpg", PhotoJpegs.WithDamagedPixelData(2)),
            _folder.Write("6-words.jpg", "no picture here\n"u8.ToArray()),
            _folder.Write("7-good.jpg", PhotoJpegs.Get(3)),
        ];

        var full = await RunAsync("imagesharp", files);
        var fast = await RunAsync("ffmpeg", files);

        Assert.Equal(ExitCodes.PartialFailure, full.ExitCode);
        Assert.Equal(full.ExitCode, fast.ExitCode);
        Assert.Equal(full.ErrorLines, fast.ErrorLines);
        Assert.Contains(fast.ErrorLines, line => line.Contains("2-cut.jpg: truncated", StringComparison.Ordinal));
        Assert.Contains(fast.ErrorLines, line => line.Contains("4-empty.jpg: empty file", StringComparison.Ordinal));
        Assert.Contains(fast.ErrorLines, line => line.Contains("6-words.jpg: not a picture", StringComparison.Ordinal));
        var expected = Records(full.Output);
        var actual = Records(fast.Output);
        Assert.Equal(expected.Select(record => record.File), actual.Select(record => record.File));
        Assert.Contains(actual, record => record.File.EndsWith("7-good.jpg", StringComparison.Ordinal));

        // ffmpeg refuses the damaged pixel data; ImageSharp then decodes it as it would without the option.
        var damaged = actual.Where(record => record.File.EndsWith("5-damaged.jpg", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Where(record => record.File.EndsWith("5-damaged.jpg", StringComparison.Ordinal)).Select(r => r.Colors), damaged.Select(r => r.Colors));
    }

    [Fact]
    public async Task Extract_FfmpegDecoder_MaxPixelsStillRefusesFromTheHeader()
    {
        var file = _folder.Write("big.jpg", PhotoJpegs.Get(0));

        var run = await RunAsync("ffmpeg", [file], "--max-pixels", "4000000");

        Assert.Equal(ExitCodes.PartialFailure, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.EndsWith("big.jpg: 2048x2048 is 4,194,304 pixels, over the limit of 4,000,000 (--max-pixels)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_FfmpegDecoderWithoutFfmpeg_EachJpegNamesFfmpegAndTheOptionAndTheRestGoOn()
    {
        string[] files =
        [
            _folder.Write("a.jpg", PhotoJpegs.Get(0)),
            _folder.Png("b.png", 8, 8, new ImageRgb24(0, 0, 255), new ImageRgb24(0, 0, 255)),
            _folder.Write("c.jpg", PhotoJpegs.Get(1)),
        ];

        var run = await RunAsync("ffmpeg", files, "--ffmpeg", "/nonexistent/ffmpeg");

        Assert.Equal(ExitCodes.PartialFailure, run.ExitCode);
        Assert.Equal(2, run.ErrorLines.Length);
        Assert.All(run.ErrorLines, line => Assert.Contains(
            ".jpg: --jpeg-decoder ffmpeg needs ffmpeg, which could not be started (/nonexistent/ffmpeg: ", line, StringComparison.Ordinal));
        Assert.Equal([files[1]], Records(run.Output).Select(record => record.File));
    }

    private static async Task<ExtractRun> RunAsync(string decoder, string[] files, params string[] options) =>
        await ExtractRun.RunAsync(["--format", "jsonl", "-k", "3", "--jobs", "2", "--jpeg-decoder", decoder, .. options, .. files]).WaitAsync(Timeout);

    private static List<(string File, int Width, int Height, string Colors)> Records(string jsonl) =>
        [.. jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var colors = string.Join(' ', root.GetProperty("palette").EnumerateArray().Select(entry => entry.GetProperty("hex").GetString()));
            return (root.GetProperty("file").GetString()!, root.GetProperty("width").GetInt32(), root.GetProperty("height").GetInt32(), colors);
        })];

    /// <summary>The largest OKLab distance between paired colors, pairing the two palettes at least total distance.</summary>
    private static float WorstMatchedDistance(string expected, string actual)
    {
        var a = expected.Split(' ').Select(Lab).ToArray();
        var b = actual.Split(' ').Select(Lab).ToArray();
        Assert.Equal(a.Length, b.Length);
        var best = (Total: float.MaxValue, Worst: float.MaxValue);
        foreach (var order in Permutations(Enumerable.Range(0, b.Length).ToArray()))
        {
            var distances = a.Select((color, i) => MathF.Sqrt(ColorSpaces.DistanceSquared(color, b[order[i]]))).ToArray();
            if (distances.Sum() < best.Total)
            {
                best = (distances.Sum(), distances.Max());
            }
        }

        return best.Worst;
    }

    private static OkLab Lab(string hex) => Rgb24.TryParseHex(hex, out var color) ? ColorSpaces.ToOkLab(color) : throw new FormatException(hex);

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            foreach (var rest in Permutations([.. items[..i], .. items[(i + 1)..]]))
            {
                yield return [items[i], .. rest];
            }
        }
    }
}
