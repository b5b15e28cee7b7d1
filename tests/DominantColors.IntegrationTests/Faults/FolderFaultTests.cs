using System.Diagnostics;
using DominantColors.IntegrationTests.Peers;
using DominantColors.Sources;
using DominantColors.Testing.Daemon;
using SixLabors.ImageSharp;
using Pixel = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.IntegrationTests.Faults;

/// <summary>
/// The capture device gone and back, at daemon level: the folder source's folder is removed and created again (V4L2
/// unplugging is covered by the V4L2 reader's fake device in the Sources tests). The daemon keeps running and keeps
/// showing the last picture, logs the absence once per episode (event 1100), and shows the new folder's image within
/// the stated time.
/// </summary>
public sealed class FolderFaultTests
{
    /// <summary>One rescan (1 s) + the debounce (50 ms) + a hold, with room for a loaded machine.</summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(4);

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Folder_RemovedAndCreatedAgainTwice_ShowsNewImagesWithinBoundLoggingOncePerEpisode()
    {
        using var wled = new UdpPeer();
        var root = Directory.CreateTempSubdirectory("dc-folder-").FullName;
        try
        {
            var folder = Path.Combine(root, "frames");
            Directory.CreateDirectory(folder);
            WriteImage(folder, "first.png", new Pixel(230, 20, 20));
            await using var daemon = await DaemonHarness.StartAsync(Config(folder, wled.Port));
            await wled.WaitUntilAsync(WledColors.IsMostlyRed, Guard, "red");

            (string Name, Pixel Color, Func<byte[], bool> Shown)[] episodes =
            [
                ("second.png", new Pixel(20, 20, 230), WledColors.IsMostlyBlue),
                ("third.png", new Pixel(230, 20, 20), WledColors.IsMostlyRed),
            ];
            foreach (var (name, color, shown) in episodes)
            {
                var removedAt = Stopwatch.GetTimestamp();
                Directory.Delete(folder, recursive: true);
                await daemon.Logs.WaitForAsync(SourceEventIds.FolderMissing, removedAt, Guard);
                var lit = wled.Received;
                await wled.WaitForAsync(lit, 3, Guard);

                var backAt = Stopwatch.GetTimestamp();
                Directory.CreateDirectory(folder);
                WriteImage(folder, name, color);
                await wled.WaitUntilAsync(shown, Guard, name + "'s color");
                var recovery = Stopwatch.GetElapsedTime(backAt);

                Assert.True(recovery < RecoveryBound, $"{name} was shown {recovery.TotalSeconds:0.00} s after the folder came back, bound {RecoveryBound.TotalSeconds} s");
                Assert.Equal(1, daemon.Logs.CountSince(SourceEventIds.FolderMissing, removedAt));
                Assert.True(daemon.IsRunning);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Writes a PNG beside its final name, then renames it in, as a capture tool would.</summary>
    private static void WriteImage(string folder, string name, Pixel color)
    {
        using var image = new Image<Pixel>(32, 18, color);
        var temporary = Path.Combine(folder, name + ".part");
        image.SaveAsPng(temporary);
        File.Move(temporary, Path.Combine(folder, name));
    }

    private static string Config(string folder, int wledPort) => $"""
        source:
          type: folder
          path: {folder}
          debounceMs: 50
          rescanSeconds: 1
        smoothing:
          intensity: none
        lights:
          - name: tv
        outputs:
          - type: wled
            host: 127.0.0.1
            port: {wledPort}
            protocol: drgb
            lights: [tv]
            ledCount: 3
            jsonApi: false
        """;
}
