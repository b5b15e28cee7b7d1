using System.Diagnostics;
using DominantColors.IntegrationTests.Peers;
using SixLabors.ImageSharp;
using Pixel = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.IntegrationTests.Systemd;

/// <summary>
/// The real <c>dominant-colors run</c> process as systemd runs a <c>Type=notify</c> unit with <c>WatchdogSec=</c>:
/// NOTIFY_SOCKET names a datagram socket this test reads, WATCHDOG_USEC the watchdog interval. READY=1 comes only
/// after the source's first frame, WATCHDOG=1 only while frames flow.
/// </summary>
public sealed class SystemdNotifyTests : IDisposable
{
    /// <summary>Process start, JIT and host start on a loaded 2-core machine.</summary>
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(60);

    /// <summary>200 ms pings: the daemon pings at a third of the interval.</summary>
    private const string WatchdogUsec = "600000";

    private const string Ready = "READY=1";
    private const string Watchdog = "WATCHDOG=1";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("dc-notify-");

    [Fact]
    public async Task Run_FolderEmptyAtStart_SendsReadyOnlyAfterTheFirstPicture()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_directory.FullName, "frames")).FullName;
        using var notify = new NotifySocket(_directory.FullName);
        await using var daemon = Start(notify, $"""
            source:
              type: folder
              path: {folder}
              debounceMs: 50
            lights:
              - name: tv
            outputs:
              - type: console
                lights: [tv]
            """);

        // Event 100: the source started and the host waits for its first frame (for up to 10 s).
        await daemon.WaitForLineAsync("[100]", StartBound);
        Assert.False(await notify.WaitForAsync(HasReady, TimeSpan.FromSeconds(2)), $"READY=1 before any picture:\n{daemon.Output}");

        var pictureAt = Stopwatch.GetTimestamp();
        WriteImage(folder, "first.png", new Pixel(230, 20, 20));
        Assert.True(await notify.WaitForAsync(HasReady, TimeSpan.FromSeconds(8)), $"no READY=1 after the picture:\n{daemon.Output}");

        var ready = notify.Received.First(n => n.States.Contains(Ready));
        Assert.True(ready.ReceivedAt > pictureAt);
        Assert.Contains("[101]", daemon.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("[102]", daemon.Output, StringComparison.Ordinal);

        // The folder holds its still picture without frames once it settled (3 s); the watchdog is fed all the same,
        // by the analysis loop answering the step it asks for at each ping.
        await Task.Delay(TimeSpan.FromSeconds(4));
        var settledPings = Pings(notify.Received) + 5;
        Assert.True(await notify.WaitForAsync(r => Pings(r) >= settledPings, TimeSpan.FromSeconds(10)), $"WATCHDOG=1 stopped for a still picture:\n{daemon.Output}");
    }

    [Fact]
    public async Task Run_FfmpegInputEnds_SendsWatchdogWhileFramesFlowAndNotAfter()
    {
        using var notify = new NotifySocket(_directory.FullName);
        await using var daemon = Start(notify, """
            source:
              type: ffmpeg
              format: lavfi
              input: "testsrc=size=64x36:rate=10:duration=4"
              realtime: true
              restartAtEnd: false
            lights:
              - name: tv
            outputs:
              - type: console
                lights: [tv]
            """);

        Assert.True(await notify.WaitForAsync(HasReady, StartBound), $"no READY=1:\n{daemon.Output}");
        Assert.True(await notify.WaitForAsync(r => Pings(r) >= 3, TimeSpan.FromSeconds(10)), $"no WATCHDOG=1 while frames flow:\n{daemon.Output}");

        // Event 104: the source ended (ffmpeg reached the end of its input and is not restarted); frames stop.
        await daemon.WaitForLineAsync("[104]", TimeSpan.FromSeconds(30));
        var atEnd = notify.Count(Watchdog);

        // At most one more ping, for frames analysed since the last one; then none for 15 watchdog periods.
        Assert.False(
            await notify.WaitForAsync(r => Pings(r) > atEnd + 1, TimeSpan.FromSeconds(3)),
            $"WATCHDOG=1 went on after the frames stopped ({atEnd} at the end, {notify.Count(Watchdog)} now):\n{daemon.Output}");
        Assert.DoesNotContain(daemon.Lines, l => l.Contains("Application is shutting down", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ParentNotNamedSystemd_SendsReadyAndWatchdogFromNotifySocketAlone()
    {
        // As under the shipped unit, where ProtectProc=invisible hides PID 1 from the service user: the parent tells the
        // app nothing, NOTIFY_SOCKET is the only sign of systemd.
        using var notify = new NotifySocket(_directory.FullName);
        await using var daemon = Start(notify, """
            source:
              type: pattern
            lights:
              - name: tv
            outputs:
              - type: console
                lights: [tv]
            """, parentName: "sh");

        Assert.True(await notify.WaitForAsync(HasReady, StartBound), $"no READY=1:\n{daemon.Output}");
        Assert.True(await notify.WaitForAsync(r => Pings(r) >= 2, TimeSpan.FromSeconds(10)), $"no WATCHDOG=1:\n{daemon.Output}");
    }

    [Fact]
    public async Task Run_SourceCannotStart_ExitsOneWithoutReady()
    {
        using var notify = new NotifySocket(_directory.FullName);
        await using var daemon = Start(notify, """
            source:
              type: ffmpeg
              format: lavfi
              input: "testsrc=size=64x36:rate=10"
              ffmpegPath: /nonexistent/ffmpeg
            lights:
              - name: tv
            outputs:
              - type: console
                lights: [tv]
            """);

        var exitCode = await daemon.WaitForExitAsync(StartBound);

        Assert.True(exitCode == 1, $"exit code {exitCode}, expected 1:\n{daemon.Output}");
        Assert.Contains(daemon.Lines, l => l.StartsWith("dominant-colors stopped: ffmpeg was not found (source.ffmpegPath is '/nonexistent/ffmpeg')", StringComparison.Ordinal));
        Assert.DoesNotContain(notify.Received, n => n.States.Contains(Ready));
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static bool HasReady(IReadOnlyList<NotifySocket.Notification> received) => received.Any(n => n.States.Contains(Ready));

    private static int Pings(IReadOnlyList<NotifySocket.Notification> received) => received.Count(n => n.States.Contains(Watchdog));

    private DaemonProcess Start(NotifySocket notify, string yaml, string parentName = "systemd")
    {
        var path = Path.Combine(_directory.FullName, "config.yaml");
        File.WriteAllText(path, yaml);
        return DaemonProcess.Start(
            _directory.FullName,
            ["run", "--config", path, "--web:enabled=false"],
            new Dictionary<string, string> { ["NOTIFY_SOCKET"] = notify.Path, ["WATCHDOG_USEC"] = WatchdogUsec },
            parentName: parentName);
    }

    /// <summary>Writes a PNG beside its final name, then renames it in, as a capture tool would.</summary>
    private static void WriteImage(string folder, string name, Pixel color)
    {
        using var image = new Image<Pixel>(32, 18, color);
        var temporary = Path.Combine(folder, name + ".part");
        image.SaveAsPng(temporary);
        File.Move(temporary, Path.Combine(folder, name));
    }
}
