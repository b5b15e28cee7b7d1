using DominantColors.Cli;
using DominantColors.Tests.Samples;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Tests.Extract;

public sealed class ExtractCommandTests : IDisposable
{
    private static readonly ImageRgb24 Red = new(255, 0, 0);
    private static readonly ImageRgb24 Green = new(0, 255, 0);
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Extract_GoodPicture_ExitsZero()
    {
        var file = _folder.Png("good.png", 10, 10, Red, Red);

        var run = await ExtractRun.RunAsync(file);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("#ff0000 100.0%", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("extract")]
    [InlineData("extract -k 0 a.png")]
    [InlineData("extract -k 33 a.png")]
    [InlineData("extract --format xml a.png")]
    [InlineData("extract --raw 12by4 a.raw")]
    [InlineData("extract --jobs 0 a.png")]
    [InlineData("extract --restarts 65 a.png")]
    [InlineData("extract --max-pixels 0 a.png")]
    [InlineData("extract --no-such-option a.png")]
    [InlineData("extract --jpeg-decoder libjpeg a.jpg")]
    [InlineData("extract --resume a.png")]
    [InlineData("extract --format ase a.png")]
    public async Task Extract_BadCommandLine_ExitsWithUsage(string commandLine)
    {
        var exitCode = await CommandLineApp.RunAsync(commandLine.Split(' '));

        Assert.Equal(ExitCodes.Usage, exitCode);
    }

    [Fact]
    public async Task Extract_BadInputsAmongGood_OneLinePerBadFileAndTheRestStillExtracted()
    {
        var good1 = _folder.Png("1-good.png", 10, 10, Red, Red);
        var noise = TestFolder.NoiseBytes(jpeg: false);
        var noiseJpeg = TestFolder.NoiseBytes(jpeg: true);
        var truncatedPng = _folder.Write("2-truncated.png", noise[..(noise.Length / 2)]);
        var truncatedJpeg = _folder.Write("3-truncated.jpg", noiseJpeg[..(noiseJpeg.Length / 2)]);
        var corruptJpeg = noiseJpeg.ToArray();
        corruptJpeg.AsSpan(2, 120).Fill(0xFF);
        var corrupt = _folder.Write("4-corrupt.jpg", corruptJpeg);
        var empty = _folder.Write("5-empty.png", []);
        var text = _folder.Write("6-notes.txt", "just words\n"u8.ToArray());
        var wrongExtension = _folder.Write("7-words.jpg", "more words\n"u8.ToArray());
        var bomb = _folder.Write("8-bomb.png", BadPictures.PngBomb(50_000, 50_000));
        var good2 = _folder.Jpeg("9-good.jpg", 16, 16, Green, Green);
        var missing = _folder.Combine("10-missing.png");
        string[] bad = [truncatedPng, truncatedJpeg, corrupt, empty, text, wrongExtension, bomb, missing];

        var run = await ExtractRun.RunAsync(["--format", "jsonl", good1, .. bad[..7], good2, missing]);

        Assert.Equal(ExitCodes.PartialFailure, run.ExitCode);
        Assert.Equal(bad.Length, run.ErrorLines.Length);
        foreach (var file in bad)
        {
            Assert.Single(run.ErrorLines, line => line.Contains(file + ": ", StringComparison.Ordinal));
        }

        Assert.Contains(run.ErrorLines, line => line.Contains("5-empty.png: empty file", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, line => line.Contains("6-notes.txt: not a picture", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, line => line.Contains("7-words.jpg: not a picture", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, line => line.Contains("8-bomb.png: 50000x50000", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, line => line.Contains("3-truncated.jpg: truncated", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, line => line.Contains("10-missing.png: no such file", StringComparison.Ordinal));
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("1-good.png", lines[0], StringComparison.Ordinal);
        Assert.Contains("9-good.jpg", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_TruncatedVideo_FailsThatFileWithFfmpegsReason()
    {
        var whole = _folder.Combine("whole.mp4");
        await TestFolder.FfmpegAsync("-f", "lavfi", "-i", "testsrc2=s=64x36:r=10:d=1", "-pix_fmt", "yuv420p", whole);
        var bytes = await File.ReadAllBytesAsync(whole);
        var truncated = _folder.Write("truncated.mp4", bytes[..(bytes.Length / 2)]);
        var good = _folder.Png("good.png", 4, 4, Red, Red);

        var run = await ExtractRun.RunAsync("--format", "jsonl", truncated, good);

        Assert.Equal(ExitCodes.PartialFailure, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"dominant-colors extract: {truncated}: ffmpeg could not play it: ", line, StringComparison.Ordinal);
        Assert.Contains("good.png", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_PngWithJpegExtension_IsReadByContent()
    {
        var file = _folder.Write("actually-png.jpg", TestFolder.PngBytes(6, 6, Green));

        var run = await ExtractRun.RunAsync(file);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("#00ff00", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_MaxPixels_RefusesLargerPictures()
    {
        var small = _folder.Png("small.png", 10, 10, Red, Red);
        var large = _folder.Png("large.png", 20, 10, Red, Red);

        var run = await ExtractRun.RunAsync("--max-pixels", "100", small, large);

        Assert.Equal(ExitCodes.PartialFailure, run.ExitCode);
        Assert.Contains("large.png: 20x10 is 200 pixels, over the limit of 100 (--max-pixels)", run.Error, StringComparison.Ordinal);
        Assert.Contains("small.png", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_Raw_ReadsFramesOfTheGivenSize()
    {
        byte[] orange = [255, 128, 0];
        var single = _folder.Write("one.rgb", [.. Enumerable.Repeat(orange, 12).SelectMany(p => p)]);
        var sequence = _folder.Combine("two.rgb");
        await TestFolder.FfmpegAsync(
            "-f", "lavfi", "-i", "color=c=0x00ff00:s=4x3:r=1:d=2,format=rgb24", "-pix_fmt", "rgb24", "-f", "rawvideo", sequence);

        var run = await ExtractRun.RunAsync("--raw", "4x3", "--format", "jsonl", "-k", "1", single, sequence);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"width\":4,\"height\":3,\"palette\":[{\"hex\":\"#ff8000\",\"rgb\":[255,128,0],\"weight\":1}]", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"frame\":0,", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"frame\":1,", lines[2], StringComparison.Ordinal);
        Assert.All(lines[1..], line => Assert.Contains("#00ff00", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extract_RawOfWrongSize_FailsThatFile()
    {
        var file = _folder.Write("odd.rgb", new byte[10]);

        var run = await ExtractRun.RunAsync("--raw", "2x2", file);

        Assert.Equal(ExitCodes.PartialFailure, run.ExitCode);
        Assert.Contains("odd.rgb: 10 bytes is not a whole number of 2x2 RGB24 frames", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_Csv_OneRowPerColorWithQuotedNames()
    {
        var file = _folder.Png("a, \"b\".png", 10, 10, Red, Green, firstShare: 0.6);

        var run = await ExtractRun.RunAsync("--format", "csv", "-k", "2", file);

        var rows = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("file,frame,pts,width,height,rank,hex,r,g,b,weight,ms,role", rows[0]);
        var quoted = "\"" + file.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        Assert.StartsWith(quoted + ",,,10,10,1,#ff0000,255,0,0,0.6,", rows[1], StringComparison.Ordinal);
        Assert.EndsWith(",palette", rows[1], StringComparison.Ordinal);
        Assert.StartsWith(quoted + ",,,10,10,2,#00ff00,0,255,0,0.4,", rows[2], StringComparison.Ordinal);
        Assert.EndsWith(",palette", rows[2], StringComparison.Ordinal);
        Assert.Equal(2, rows.Count(r => r.EndsWith(",palette", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("always", true)]
    [InlineData("never", false)]
    [InlineData("auto", false)]
    public async Task Extract_Text_SwatchesOnlyWhenColorIsOn(string color, bool swatches)
    {
        var file = _folder.Png("red.png", 4, 4, Red, Red);

        var run = await ExtractRun.RunAsync("--color", color, file);

        Assert.Equal(swatches, run.Output.Contains("\e[48;2;255;0;0m", StringComparison.Ordinal));
        Assert.Contains("#ff0000", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_ManyInputsWithJobs_OutputInInputOrder()
    {
        var files = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            // Larger pictures first, so that later inputs tend to finish before earlier ones.
            var size = i < 3 ? 700 - (i * 100) : 8 + i;
            var color = new ImageRgb24((byte)(i * 20), (byte)(255 - (i * 20)), 7);
            files.Add(_folder.Png($"{i:00}.png", size, size, color, color));
        }

        var run = await ExtractRun.RunAsync(["--format", "jsonl", "--jobs", "4", "-k", "1", .. files]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(files.Count, lines.Length);
        for (var i = 0; i < files.Count; i++)
        {
            Assert.Contains($"\"file\":\"{files[i]}\"", lines[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Extract_SameSeed_SamePalette()
    {
        var file = _folder.Write("noise.png", TestFolder.NoiseBytes(jpeg: false));

        var first = await ExtractRun.RunAsync("--format", "csv", "-k", "5", "--seed", "42", file);
        var second = await ExtractRun.RunAsync("--format", "csv", "-k", "5", "--seed", "42", file);

        Assert.Equal(WithoutTimes(first.Output), WithoutTimes(second.Output));
    }

    /// <summary>The rows without their <c>ms</c> column (the twelfth; the file names here have no commas).</summary>
    private static string[] WithoutTimes(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(row => string.Join(',', row.Split(',').Where((_, i) => i != 11))).ToArray();
}
