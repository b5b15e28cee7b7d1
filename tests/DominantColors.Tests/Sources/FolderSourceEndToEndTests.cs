using DominantColors.Colors;
using DominantColors.Signal;
using DominantColors.Sources;
using DominantColors.Testing.Daemon;
using DominantColors.Tests.Hosting;
using SixLabors.ImageSharp;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Tests.Sources;

public sealed class FolderSourceEndToEndTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Run_FolderWithPartialCorruptAndNonImageFiles_EachLoggedOnceAndGoodImagesShow()
    {
        var root = Directory.CreateTempSubdirectory("dominant-colors-folder-").FullName;
        var frames = Directory.CreateDirectory(Path.Combine(root, "frames")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(frames, "red.png"), Png(200, 20, 20));
        var config = $"""
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
        await using var daemon = DaemonHarness.Start(config, root);
        await daemon.WaitStartedAsync();
        await daemon.StepAsync(Step);
        Assert.Equal(new Rgb24(200, 20, 20), daemon.Sinks.Recording().Latest![0]);

        var blue = Png(20, 40, 210);
        var bluePath = Path.Combine(frames, "blue.png");
        await File.WriteAllBytesAsync(bluePath, blue[..(blue.Length / 2)]);
        await File.WriteAllBytesAsync(Path.Combine(frames, "corrupt.png"), [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8]);
        await File.WriteAllTextAsync(Path.Combine(frames, "notes.txt"), "not a picture");
        await File.WriteAllTextAsync(Path.Combine(frames, "upload.jpg.part"), "still coming");

        // The watcher's events, the settling and the decoding run on real time: the clock is stepped until all three
        // were judged, so the half-written blue.png is read (and refused) before the rest of it is written.
        await daemon.StepUntilAsync(() => Unreadable(daemon).Count >= 3, "the half-written, the corrupt and the non-image file to be refused");

        Assert.Equal(new Rgb24(200, 20, 20), daemon.Sinks.Recording().Latest![0]);

        await File.WriteAllBytesAsync(bluePath, blue);
        // The watcher's event and the decoding run on real time; the clock is stepped until the picture shows.
        await daemon.StepUntilAsync(() => daemon.Sinks.Recording().Latest![0] == new Rgb24(20, 40, 210), "the whole blue.png to show");

        Assert.Equal(new Rgb24(20, 40, 210), daemon.Sinks.Recording().Latest![0]);
        var skipped = Unreadable(daemon);
        Assert.Single(skipped, m => m.Contains("blue.png", StringComparison.Ordinal));
        Assert.Single(skipped, m => m.Contains("corrupt.png", StringComparison.Ordinal));
        Assert.Single(skipped, m => m.Contains("notes.txt", StringComparison.Ordinal));
        Assert.DoesNotContain(skipped, m => m.Contains(".part", StringComparison.Ordinal));
        Assert.Equal(3, skipped.Count);
    }

    [Fact]
    public async Task Run_NewImageReplacesOld_ShownOnceWrittenAndHeldAfterwards()
    {
        var root = Directory.CreateTempSubdirectory("dominant-colors-folder-").FullName;
        var frames = Directory.CreateDirectory(Path.Combine(root, "frames")).FullName;
        var path = Path.Combine(frames, "frame.png");
        await File.WriteAllBytesAsync(path, Png(10, 200, 10));
        var config = $"""
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
        await using var daemon = DaemonHarness.Start(config, root);
        await daemon.WaitStartedAsync();

        await File.WriteAllBytesAsync(path + ".tmp", Png(250, 200, 0));
        File.Move(path + ".tmp", path, overwrite: true);
        // The watcher's event and the decoding run on real time; the clock is stepped until the picture shows.
        await daemon.StepUntilAsync(() => daemon.Sinks.Recording().Latest![0] == new Rgb24(250, 200, 0), "the replaced frame.png to show");
        Assert.Equal(new Rgb24(250, 200, 0), daemon.Sinks.Recording().Latest![0]);

        // Ten seconds without a new file: the held image keeps the picture present, so no TV-off fade.
        await daemon.RunAsync(Step, 100);
        Assert.Equal(new Rgb24(250, 200, 0), daemon.Sinks.Recording().Latest![0]);
        Assert.NotEqual(Signal.SignalState.Off, daemon.Pipeline.Pipeline!.Signal);
    }

    private static byte[] Png(byte r, byte g, byte b)
    {
        using var image = new Image<ImageRgb24>(160, 90, new ImageRgb24(r, g, b));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    private static List<string> Unreadable(DaemonHarness daemon) =>
        daemon.Logs.Records.Where(r => r.EventId == SourceEventIds.ImageUnreadable).Select(r => r.Message).ToList();
}
