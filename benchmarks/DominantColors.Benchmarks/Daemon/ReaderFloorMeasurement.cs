using System.Diagnostics;
using System.Globalization;

namespace DominantColors.Benchmarks.Daemon;

/// <summary>
/// The floor under the busy figure: the busy run's ffmpeg stream (lavfi 320x180 at 30 frames/s, scaled to the 64x36
/// analysis size as the daemon asks for it) read by <c>dd</c>, a native process that does nothing with a frame but
/// read it. Its CPU per frame, measured as the daemon's (utime + stime from <c>/proc</c>), is what this host charges
/// for waking a process 30 times a second and reading a pipe: no reader of the stream can spend less.
/// </summary>
internal static class ReaderFloorMeasurement
{
    private const int FrameBytes = 64 * 36 * 3;
    private const int FramesPerSecond = 30;

    /// <summary>CPU per frame of <c>dd</c> over <paramref name="window"/> seconds after <paramref name="warmup"/>.</summary>
    public static async Task<double> MeasureAsync(int warmup, int window)
    {
        var ffmpeg = string.Create(
            CultureInfo.InvariantCulture,
            $"ffmpeg -hide_banner -nostdin -loglevel error -re -f lavfi -i testsrc2=size=320x180:rate={FramesPerSecond} -an -vf scale=64:36:flags=area,format=rgb24 -fps_mode passthrough -f rawvideo -pix_fmt rgb24 pipe:1");
        var pipeline = $"{ffmpeg} | dd bs={FrameBytes} iflag=fullblock of=/dev/null status=none";
        using var shell = Process.Start(new ProcessStartInfo("sh", ["-c", pipeline]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("sh did not start.");
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(warmup)).ConfigureAwait(false);
            var dd = ChildNamed(shell.Id, "dd");
            var before = DaemonProcess.CpuTimeOf(dd);
            await Task.Delay(TimeSpan.FromSeconds(window)).ConfigureAwait(false);
            var used = DaemonProcess.CpuTimeOf(dd) - before;
            return used.TotalMicroseconds / (window * FramesPerSecond);
        }
        finally
        {
            shell.Kill(entireProcessTree: true);
            await shell.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The child of <paramref name="parent"/> whose command is <paramref name="name"/> (<c>/proc/PID/task/PID/children</c>).</summary>
    private static int ChildNamed(int parent, string name)
    {
        var children = File.ReadAllText($"/proc/{parent}/task/{parent}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var child in children.Select(c => int.Parse(c, CultureInfo.InvariantCulture)))
        {
            if (File.ReadAllText($"/proc/{child}/comm").Trim() == name)
            {
                return child;
            }
        }

        throw new InvalidOperationException($"No {name} under sh {parent}: {string.Join(' ', children)}");
    }
}
