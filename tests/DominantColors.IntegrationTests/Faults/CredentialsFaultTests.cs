using System.Diagnostics;
using DominantColors.Cli;
using DominantColors.Hue.Bridge;
using DominantColors.IntegrationTests.Peers;
using DominantColors.Testing.Daemon;
using DominantColors.Testing.Hue;

namespace DominantColors.IntegrationTests.Faults;

/// <summary>
/// The disk full while <c>dominant-colors hue pair</c> writes new credentials (a real tmpfs run out of space) beside a
/// running daemon that streams with the old ones: pairing fails with one clear line, the old file survives byte for
/// byte with mode 0600 and no temporary file left behind, the daemon streams on, and pairing succeeds as soon as
/// there is room again.
/// </summary>
public sealed class CredentialsFaultTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task HuePair_DiskFullWhileWritingCredentials_KeepsTheOldFileAndTheDaemonStreaming()
    {
        using var disk = TinyDisk.Mount(64);
        await using var streamed = new FakeHueBridge();
        await using var newBridge = new FakeHueBridge { LinkButtonPressed = true };
        await HueBridgePeer.WriteCredentialsAsync(streamed, disk.Path);
        var path = Path.Combine(disk.Path, HueBridgePeer.CredentialsName);
        var original = await File.ReadAllBytesAsync(path);
        await using var daemon = await DaemonHarness.StartAsync(Config(HueBridgePeer.EntertainmentOutput(streamed)), disk.Path);
        await streamed.Entertainment.WaitUntilAsync(e => e.Sessions == 1 && e.Frames.Count > 25, Guard);

        var filled = disk.Fill();
        var (code, output, error) = await PairAsync(newBridge, path);

        Assert.True(filled > 0);
        Assert.Equal(ExitCodes.PartialFailure, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Pairing failed: ", line, StringComparison.Ordinal);
        Assert.Contains("No space left on device", line, StringComparison.Ordinal);
        Assert.DoesNotContain(newBridge.ApplicationKey, output + error, StringComparison.Ordinal);
        Assert.Equal(original, await File.ReadAllBytesAsync(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(["filler", HueBridgePeer.CredentialsName], Directory.EnumerateFileSystemEntries(disk.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(streamed.BridgeId, CredentialsFile.Load(path).BridgeId);
        var frames = streamed.Entertainment.Frames.Count;
        await streamed.Entertainment.WaitUntilAsync(e => e.Frames.Count > frames + 25, Guard);
        Assert.Equal(1, streamed.Entertainment.Sessions);
        Assert.True(daemon.IsRunning);

        // Room again: the same command works at once.
        File.Delete(Path.Combine(disk.Path, "filler"));
        var freedAt = Stopwatch.GetTimestamp();
        var (again, _, _) = await PairAsync(newBridge, path);
        var recovery = Stopwatch.GetElapsedTime(freedAt);

        Assert.Equal(ExitCodes.Success, again);
        Assert.True(recovery < TimeSpan.FromSeconds(5), $"pairing took {recovery.TotalSeconds:0.00} s once there was room");
        var paired = CredentialsFile.Load(path);
        Assert.Equal(newBridge.BridgeId, paired.BridgeId);
        Assert.Equal(newBridge.ApplicationKey, paired.ApplicationKey);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal([HueBridgePeer.CredentialsName], Directory.EnumerateFileSystemEntries(disk.Path).Select(Path.GetFileName));
    }

    /// <summary>Runs <c>dominant-colors hue pair</c> in this process, capturing what it prints (tests here run one at a time).</summary>
    private static async Task<(int Code, string Output, string Error)> PairAsync(FakeHueBridge bridge, string credentials)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = await CommandLineApp.RunAsync(["hue", "pair", "--bridge", bridge.Address.ToString(), "--credentials", credentials]).WaitAsync(Guard);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    private static string Config(string output) => $"""
        source:
          type: pattern
          fps: 30
          periodSeconds: 2
        smoothing:
          intensity: none
        lights:
          - name: tv
        outputs:
        {output}
        """;
}
