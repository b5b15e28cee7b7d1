using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DominantColors.Cli;
using DominantColors.Extract;
using DominantColors.Tests.Samples;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Tests.Extract;

/// <summary><c>--output</c> and <c>--resume</c>: a results file that is whole after any interruption.</summary>
public sealed class ResultLogTests : IDisposable
{
    private static readonly ImageRgb24 Red = new(255, 0, 0);
    private static readonly ImageRgb24 Green = new(0, 255, 0);
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Output_ThreePictures_OneWholeLinePerPictureWithPathSizeAndMtime()
    {
        var files = Enumerable.Range(0, 3).Select(i => _folder.Png($"{i}.png", 8, 8, Red, Green, 0.75)).ToArray();
        var log = _folder.Combine("results.jsonl");

        var run = await ExtractRun.RunAsync(["--format", "json", "-o", log, .. files]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = await File.ReadAllLinesAsync(log);
        Assert.Equal(3, lines.Length);
        for (var i = 0; i < 3; i++)
        {
            using var line = JsonDocument.Parse(lines[i]);
            Assert.Equal(files[i], line.RootElement.GetProperty("path").GetString());
            Assert.Equal(new FileInfo(files[i]).Length, line.RootElement.GetProperty("size").GetInt64());
            Assert.Equal(new FileInfo(files[i]).LastWriteTimeUtc, line.RootElement.GetProperty("mtime").GetDateTime().ToUniversalTime());
            Assert.Equal("#ff0000", line.RootElement.GetProperty("palette")[0].GetProperty("hex").GetString());
        }
    }

    [Fact]
    public async Task Resume_AfterChangesAndAKillMidLine_DoesOnlyNewChangedAndCutInputs()
    {
        var files = Enumerable.Range(0, 4).Select(i => _folder.Png($"{i}.png", 8, 8, Red, Red)).ToArray();
        var log = _folder.Combine("results.jsonl");
        await ExtractRun.RunAsync(["-o", log, .. files[..3]]);

        // A kill while the line of 2.png was being written leaves it cut off.
        var text = await File.ReadAllTextAsync(log);
        var lastLine = text.TrimEnd('\n').LastIndexOf('\n') + 1;
        await File.WriteAllTextAsync(log, text[..(lastLine + 20)]);
        _folder.Png("1.png", 8, 8, Green, Green);
        File.SetLastWriteTimeUtc(files[1], File.GetLastWriteTimeUtc(files[0]).AddMinutes(5));

        var run = await ExtractRun.RunAsync(["--resume", "-o", log, "--format", "jsonl", .. files]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var done = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => (string)JsonNode.Parse(l)!["file"]!).ToArray();
        Assert.Equal([files[1], files[2], files[3]], done);
        var recorded = (await File.ReadAllLinesAsync(log)).Select(l => JsonNode.Parse(l)!).ToArray();
        Assert.Equal([files[0], files[1], files[1], files[2], files[3]], recorded.Select(r => (string)r["path"]!));
        Assert.Equal("#00ff00", (string?)recorded[2]["palette"]![0]!["hex"]);
    }

    [Fact]
    public async Task Resume_NothingChanged_ReadsNothing()
    {
        var files = Enumerable.Range(0, 2).Select(i => _folder.Png($"{i}.png", 8, 8, Red, Red)).ToArray();
        var log = _folder.Combine("results.jsonl");
        await ExtractRun.RunAsync(["-o", log, .. files]);
        var before = await File.ReadAllTextAsync(log);

        var run = await ExtractRun.RunAsync(["--resume", "-o", log, .. files]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal(before, await File.ReadAllTextAsync(log));
    }

    [Fact]
    public void Append_DiskFillsUpMidLine_FileCutBackToItsWholeLines()
    {
        var file = _folder.Png("a.png", 8, 8, Red, Red);
        var outcome = new InputOutcome(file, [new PaletteRecord(file, 8, 8, [], 0.1)], null, null);
        var stamp = InputStamp.Of(file)!.Value;
        using var disk = new FullDiskStream(capacity: 300);
        using var log = new ResultLog(disk);

        var lines = 0;
        var failure = Record.Exception(() =>
        {
            for (; lines < 100; lines++)
            {
                log.Append(outcome, stamp);
            }
        });

        Assert.IsType<IOException>(failure);
        Assert.InRange(lines, 1, 99);
        var written = Encoding.UTF8.GetString(disk.ToArray());
        Assert.EndsWith("\n", written, StringComparison.Ordinal);
        var whole = written.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines, whole.Length);
        Assert.All(whole, l => Assert.Equal(file, (string?)JsonNode.Parse(l)!["path"]));
    }

    /// <summary>A disk of <c>capacity</c> bytes: a write past it puts what fits, then fails as Linux does (ENOSPC).</summary>
    private sealed class FullDiskStream(int capacity) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            var room = (int)Math.Max(0, capacity - Position);
            base.Write(buffer, offset, Math.Min(room, count));
            if (count > room)
            {
                throw new IOException("No space left on device");
            }
        }

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);
    }
}
