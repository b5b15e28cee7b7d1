using DominantColors.Colors;
using DominantColors.Sources;
using DominantColors.Testing.Daemon;
using DominantColors.Tests.Samples;
using Microsoft.Extensions.Logging;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Tests.Sources;

/// <summary>
/// The bad-input corpus dropped into the daemon's watched folder: each file is skipped with one clear log line, the
/// picture on screen stays, the source never fails, and a good file afterwards still shows.
/// </summary>
public sealed class FolderSourceBadInputTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Run_BadPicturesAndSymlinkLoopsArrive_EachSkippedOnceAndThePictureStays()
    {
        var root = Directory.CreateTempSubdirectory("dominant-colors-folder-").FullName;
        var frames = Directory.CreateDirectory(Path.Combine(root, "frames")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(frames, "red.png"), TestFolder.PngBytes(160, 90, new ImageRgb24(200, 20, 20)));
        await using var daemon = DaemonHarness.Start(Config(frames), root);
        await daemon.WaitStartedAsync();
        await daemon.StepAsync(Step);

        var bad = BadPictures.WriteFiles(frames).Concat(BadPictures.WriteFileLoops(frames)).ToList();
        BadPictures.WriteFolderLoop(frames);
        await daemon.RunAsync(Step, 30);

        // Reading the files runs on real time: step on until each bad one was reached (then check each was logged once).
        await daemon.StepUntilAsync(() => daemon.Logs.Count(SourceEventIds.ImageUnreadable) >= bad.Count, "every bad file to be logged");

        Assert.Equal(new Rgb24(200, 20, 20), daemon.Sinks.Recording().Latest![0]);
        var logs = daemon.Logs.Records;
        var skipped = logs.Where(r => r.EventId == SourceEventIds.ImageUnreadable).Select(r => r.Message).ToList();
        foreach (var name in bad)
        {
            Assert.True(skipped.Count(m => m.Contains(Path.Combine(frames, name) + ":", StringComparison.Ordinal)) == 1, $"{name}:\n{string.Join('\n', skipped)}");
        }

        Assert.Equal(bad.Count, skipped.Count);
        Assert.Contains(skipped, m => m.Contains("bomb.png: 50000x50000 is more than", StringComparison.Ordinal));
        Assert.Contains(skipped, m => m.Contains("cut.webp: truncated WebP", StringComparison.Ordinal));
        Assert.Contains(skipped, m => m.Contains("self.jpg: cannot be read", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, r => r.Level >= LogLevel.Warning && r.EventId != SourceEventIds.ImageUnreadable);

        await File.WriteAllBytesAsync(Path.Combine(frames, "blue.png"), TestFolder.PngBytes(160, 90, new ImageRgb24(20, 40, 210)));
        await daemon.StepUntilAsync(() => daemon.Sinks.Recording().Latest![0] == new Rgb24(20, 40, 210), "the good blue.png to show");

        Assert.Equal(new Rgb24(20, 40, 210), daemon.Sinks.Recording().Latest![0]);
    }

    [Fact]
    public async Task Start_NewestFileDamaged_ShowsTheNewestGoodOne()
    {
        var root = Directory.CreateTempSubdirectory("dominant-colors-folder-").FullName;
        var frames = Directory.CreateDirectory(Path.Combine(root, "frames")).FullName;
        var green = Path.Combine(frames, "green.png");
        await File.WriteAllBytesAsync(green, TestFolder.PngBytes(160, 90, new ImageRgb24(20, 200, 20)));
        File.SetLastWriteTimeUtc(green, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var jpeg = TestFolder.NoiseBytes(jpeg: true);
        await File.WriteAllBytesAsync(Path.Combine(frames, "newer-but-cut.jpg"), jpeg[..(jpeg.Length / 2)]);

        await using var daemon = DaemonHarness.Start(Config(frames), root);
        await daemon.WaitStartedAsync();
        await daemon.StepAsync(Step);

        Assert.Equal(new Rgb24(20, 200, 20), daemon.Sinks.Recording().Latest![0]);
        Assert.Single(daemon.Logs.Records, r => r.EventId == SourceEventIds.ImageUnreadable && r.Message.Contains("newer-but-cut.jpg", StringComparison.Ordinal));
    }

    private static string Config(string frames) => $"""
        source:
          type: folder
          path: {frames}
          debounceMs: 200
          rescanSeconds: 1
        smoothing:
          intensity: none
        lights:
          - name: tv
        outputs:
          - type: test
            lights: [tv]
        """;
}
