using System.Diagnostics;
using System.Text.Json.Nodes;
using DominantColors.Cli;
using DominantColors.Tests.Samples;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Tests.Extract;

/// <summary>The real <c>dominant-colors</c> process killed (SIGKILL) while it writes <c>--output</c>, then resumed.</summary>
public sealed class ResultLogKillTests : IDisposable
{
    private const int Pictures = 1000;
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Output_ProcessKilledMidRun_FileHoldsWholeLinesAndResumeFinishesEveryInputOnce()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        for (var i = 0; i < Pictures; i++)
        {
            _folder.Png($"pictures/{i:0000}.png", 32, 32, new ImageRgb24((byte)i, (byte)(i / 4), 90), new ImageRgb24(10, 200, (byte)(i * 3)), 0.6);
        }

        var pictures = _folder.Combine("pictures");
        var log = _folder.Combine("results.jsonl");
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "dominant-colors"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["extract", "-j", "1", "--format", "json", "-o", log, pictures])
        {
            start.ArgumentList.Add(argument);
        }

        using (var process = Process.Start(start)!)
        {
            var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(timeout.Token), process.StandardError.ReadToEndAsync(timeout.Token));
            using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
            while (!process.HasExited && LineCount(log) < 50 && await poll.WaitForNextTickAsync(timeout.Token))
            {
            }

            process.Kill();
            await process.WaitForExitAsync(timeout.Token);
            await drain;
        }

        var afterKill = await File.ReadAllTextAsync(log, timeout.Token);
        var whole = afterKill[..(afterKill.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(whole, line => Assert.NotNull(JsonNode.Parse(line)!["path"]));

        var run = await ExtractRun.RunAsync("--resume", "-o", log, "--format", "json", pictures);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var paths = (await File.ReadAllLinesAsync(log, timeout.Token)).Select(l => (string)JsonNode.Parse(l)!["path"]!).ToArray();
        Assert.Equal(Pictures, paths.Length);
        Assert.Equal(Pictures, paths.Distinct(StringComparer.Ordinal).Count());
        Assert.True(whole.Length >= 50 || whole.Length == Pictures, $"killed after {whole.Length} lines");
    }

    private static int LineCount(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var count = 0;
            for (var b = stream.ReadByte(); b >= 0; b = stream.ReadByte())
            {
                count += b == '\n' ? 1 : 0;
            }

            return count;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }
}
