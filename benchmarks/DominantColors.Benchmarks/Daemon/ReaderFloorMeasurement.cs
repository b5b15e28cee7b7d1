using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DominantColors.Benchmarks.Daemon;

/// <summary>
/// The floor under the busy figure: the busy run's ffmpeg stream (lavfi 320x180 at 30 frames/s, scaled to the 64x36
/// analysis size as the daemon asks for it) read by <c>dd</c>, a native process that does nothing with a frame but
/// read it. Its CPU per frame, measured as the daemon's (utime + stime from <c>/proc</c>), is what this host charges
/// for waking a process 30 times a second and reading a pipe: no reader of the stream can spend less. And the floor
/// under the busy run's output as well (<see cref="MeasureReadAndSendAsync"/>): a .NET thread that reads each frame
/// and sends one DDP-sized datagram to a receiver on loopback, as the daemon's WLED output does, and nothing else.
/// </summary>
internal static class ReaderFloorMeasurement
{
    private const int FrameBytes = 64 * 36 * 3;
    private const int FramesPerSecond = 30;

    /// <summary>ffmpeg's arguments for the busy run's stream, as the daemon asks for it: 64x36 RGB frames on stdout.</summary>
    private static readonly string FfmpegArguments = string.Create(
        CultureInfo.InvariantCulture,
        $"-hide_banner -nostdin -loglevel error -re -f lavfi -i testsrc2=size=320x180:rate={FramesPerSecond} -an -vf scale=64:36:flags=area,format=rgb24 -fps_mode passthrough -f rawvideo -pix_fmt rgb24 pipe:1");

    /// <summary>CPU per frame of <c>dd</c> over <paramref name="window"/> seconds after <paramref name="warmup"/>.</summary>
    public static async Task<double> MeasureAsync(int warmup, int window)
    {
        var pipeline = $"ffmpeg {FfmpegArguments} | dd bs={FrameBytes} iflag=fullblock of=/dev/null status=none";
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

    /// <summary>
    /// CPU per frame of a .NET thread that reads the same stream a frame at a time (blocking reads, as the daemon's
    /// ffmpeg reader) and sends 370 bytes (a DDP packet of 120 LEDs) to a UDP receiver on loopback per frame: its own
    /// run time from <c>/proc/thread-self/schedstat</c> over <paramref name="window"/> seconds after
    /// <paramref name="warmup"/>. On loopback the sender also pays the receiver's delivery, as it does in the busy run.
    /// </summary>
    public static async Task<double> MeasureReadAndSendAsync(int warmup, int window)
    {
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.Connect(receiver.LocalEndPoint!);
        var info = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in FfmpegArguments.Split(' '))
        {
            info.ArgumentList.Add(argument);
        }

        using var ffmpeg = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start.");
        var measured = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        var frames = warmup * FramesPerSecond;
        var counted = window * FramesPerSecond;
        var draining = new Thread(() =>
        {
            var datagram = new byte[1500];
            try
            {
                while (true)
                {
                    receiver.Receive(datagram);
                }
            }
            catch (SocketException)
            {
                // Closed at the end.
            }
            catch (ObjectDisposedException)
            {
                // Closed at the end.
            }
        }) { IsBackground = true };
        var reading = new Thread(() =>
        {
            try
            {
                var stream = ffmpeg.StandardOutput.BaseStream;
                var frame = new byte[FrameBytes];
                var start = 0L;
                for (var i = 0; i < frames + counted; i++)
                {
                    if (i == frames)
                    {
                        start = ThreadRunTime.Nanoseconds();
                    }

                    stream.ReadExactly(frame);
                    sender.Send(frame.AsSpan(0, 370));
                }

                measured.TrySetResult((ThreadRunTime.Nanoseconds() - start) / 1000.0 / counted);
            }
            catch (Exception ex)
            {
                measured.TrySetException(ex);
            }
        }) { IsBackground = true };
        draining.Start();
        reading.Start();
        try
        {
            return await measured.Task.WaitAsync(TimeSpan.FromSeconds(warmup + window + 30)).ConfigureAwait(false);
        }
        finally
        {
            ffmpeg.Kill();
            await ffmpeg.WaitForExitAsync().ConfigureAwait(false);
            receiver.Close();
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
