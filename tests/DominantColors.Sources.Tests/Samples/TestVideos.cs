using System.Diagnostics;

namespace DominantColors.Sources.Tests.Samples;

/// <summary>Short videos made by the real ffmpeg from its lavfi color sources.</summary>
internal static class TestVideos
{
    /// <summary>
    /// <paramref name="redFrames"/> red frames, then <paramref name="blueFrames"/> blue ones, 64x36 at 10 frames/s,
    /// stored losslessly (FFV1 in Matroska) so that the decoded colors are exact.
    /// </summary>
    public static async Task<string> RedThenBlueAsync(string folder, int redFrames = 3, int blueFrames = 3, string name = "red-blue.mkv")
    {
        var path = Path.Combine(folder, name);
        var graph = FormattableString.Invariant(
            $"color=c=0xff0000:s=64x36:r=10:d={redFrames / 10.0}[a];color=c=0x0000ff:s=64x36:r=10:d={blueFrames / 10.0}[b];[a][b]concat=n=2:v=1,format=bgr0[out]");
        await RunAsync("-f", "lavfi", "-i", "nullsrc", "-filter_complex", graph, "-map", "[out]", "-c:v", "ffv1", path);
        return path;
    }

    /// <summary>Runs ffmpeg to completion and fails the test with its stderr when it fails.</summary>
    public static async Task RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-loglevel", "error", "-y", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg {string.Join(' ', arguments)} failed: {await stderr}");
        }
    }
}
