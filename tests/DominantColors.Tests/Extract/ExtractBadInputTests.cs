using DominantColors.Cli;
using DominantColors.Tests.Samples;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Tests.Extract;

/// <summary>
/// <c>extract</c> over a folder holding the whole bad-input corpus, symlink loops included: one clear line per bad file,
/// the good picture still extracted, and the walk ends.
/// </summary>
public sealed class ExtractBadInputTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Extract_FolderOfBadPicturesAndLoops_OneLinePerBadFileAndTheGoodOneExtracted()
    {
        var bad = BadPictures.WriteFiles(_folder.Path);
        var loops = BadPictures.WriteFileLoops(_folder.Path);
        BadPictures.WriteFolderLoop(_folder.Path);
        _folder.Png("good.png", 8, 8, new ImageRgb24(0, 0, 255), new ImageRgb24(0, 0, 255));

        var run = await ExtractRun.RunAsync("--format", "jsonl", _folder.Path).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.PartialFailure, run.ExitCode);
        foreach (var name in bad.Concat(loops))
        {
            Assert.True(run.ErrorLines.Count(line => line.Contains(Path.Combine(_folder.Path, name) + ": ", StringComparison.Ordinal)) == 1, $"{name}:\n{run.Error}");
        }

        Assert.Equal(bad.Count + loops.Count, run.ErrorLines.Length);
        Assert.All(run.ErrorLines, line => Assert.Matches(@"^dominant-colors extract: \S+: \S.{8,}", line));
        foreach (var format in new[] { "jpg", "png", "gif", "webp" })
        {
            Assert.Contains(run.ErrorLines, line => line.Contains($"empty.{format}: empty file", StringComparison.Ordinal));
        }

        Assert.Contains(run.ErrorLines, line => line.Contains("bomb.png: 50000x50000 is 2,500,000,000 pixels", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, line => line.Contains("bomb.gif: 50000x50000 is 2,500,000,000 pixels", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, line => line.Contains("words.webp: not a picture", StringComparison.Ordinal));
        var extracted = Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("good.png", extracted, StringComparison.Ordinal);
        Assert.Contains("#0000ff", extracted, StringComparison.Ordinal);
    }
}
