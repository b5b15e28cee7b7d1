using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DominantColors.Benchmarks.Daemon;

/// <summary>
/// CPU time of the published daemon's own process (utime + stime from /proc, not ffmpeg's, not wall time), busy and
/// idle. Busy: an ffmpeg lavfi test picture 320x180 at 30 frames/s, four zone lights, one WLED output to a UDP socket on
/// loopback; CPU per frame over <c>window</c> seconds after <c>warmup</c> seconds. Idle: a still picture in a watched
/// folder, same output, web server off; share of a core over the window. Busy frames are the daemon's own count from
/// <c>/metrics</c> (the web server is on there, nobody watching; the scrapes fall outside the measured CPU). Also the daemon's context switches
/// (all its threads), the cost of every thread hop, and after each busy run the floors under it
/// (<see cref="ReaderFloorMeasurement"/>: a native reader of the same stream, and a .NET thread that reads it and sends
/// a datagram per frame). Run with
/// <c>daemon-measure cpu PUBLISHED_DIR [runs] [warmup] [window]</c>.
/// </summary>
internal static class CpuMeasurement
{
    private const int FramesPerSecond = 30;

    public static async Task RunAsync(string published, string directory, int runs, int warmup, int window)
    {
        Console.WriteLine($"CPU: {runs} runs each, {warmup} s warm-up, {window} s measured; DOTNET_* from this environment: {Tuning()}");
        var busy = new List<(double Us, double Switches, double Sent)>();
        var floor = new List<double>();
        var sendFloor = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var (cpu, switches, sent, frames) = await MeasureAsync(published, directory, "busy", Busy, warmup, window).ConfigureAwait(false);
            busy.Add((cpu.TotalMicroseconds / frames, switches / (double)frames, sent / (double)window));
            Console.WriteLine($"  busy run {i + 1}: {busy[^1].Us:F0} us CPU per frame ({frames} frames), {busy[^1].Switches:F1} context switches per frame, {busy[^1].Sent:F1} datagrams/s; load {DaemonMeasurement.Load()}");
            floor.Add(await ReaderFloorMeasurement.MeasureAsync(Math.Min(warmup, 10), window).ConfigureAwait(false));
            Console.WriteLine($"  floor run {i + 1}: {floor[^1]:F0} us CPU per frame for dd reading the same stream; load {DaemonMeasurement.Load()}");
            sendFloor.Add(await ReaderFloorMeasurement.MeasureReadAndSendAsync(Math.Min(warmup, 10), window).ConfigureAwait(false));
            Console.WriteLine($"  read-and-send floor run {i + 1}: {sendFloor[^1]:F0} us CPU per frame for a .NET thread reading the stream and sending a datagram per frame; load {DaemonMeasurement.Load()}");
        }

        Console.WriteLine(
            $"busy (ffmpeg lavfi 320x180@30, 4 lights, WLED): median {Median(busy.Select(b => b.Us)):F0} us CPU per frame, " +
            $"{Median(busy.Select(b => b.Switches)):F1} context switches per frame; floor (dd reading the stream) median {Median(floor):F0} us, " +
            $"reading and sending a datagram per frame median {Median(sendFloor):F0} us; load {DaemonMeasurement.Load()}");

        var pictures = Directory.CreateDirectory(Path.Combine(directory, "still")).FullName;
        using (var image = new Image<Rgb24>(320, 180, new Rgb24(200, 90, 30)))
        {
            await image.SaveAsPngAsync(Path.Combine(pictures, "still.png")).ConfigureAwait(false);
        }

        var idle = new List<(double Share, double Switches, double Sent)>();
        for (var i = 0; i < runs; i++)
        {
            var (cpu, switches, sent, _) = await MeasureAsync(published, directory, "idle", (receiverPort, _) => Idle(pictures, receiverPort), warmup, window).ConfigureAwait(false);
            idle.Add((cpu.TotalSeconds / window * 100, switches / window, sent / window));
            Console.WriteLine($"  idle run {i + 1}: {idle[^1].Share:F3} % of a core, {idle[^1].Switches:F1} context switches/s, {idle[^1].Sent:F1} datagrams/s; load {DaemonMeasurement.Load()}");
        }

        Console.WriteLine(
            $"idle (still picture in a watched folder, WLED): median {Median(idle.Select(b => b.Share)):F3} % of a core, " +
            $"{Median(idle.Select(b => b.Switches)):F1} context switches/s, {Median(idle.Select(b => b.Sent)):F1} datagrams/s; load {DaemonMeasurement.Load()}");
    }

    private static async Task<(TimeSpan Cpu, long Switches, long Sent, long Frames)> MeasureAsync(
        string published, string directory, string name, Func<int, int, string> config, int warmup, int window)
    {
        var web = DaemonMeasurement.FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{web}") };
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var sent = 0L;
        using var stop = new CancellationTokenSource();
        var counting = Task.Run(async () =>
        {
            var buffer = new byte[1500];
            try
            {
                while (true)
                {
                    await receiver.ReceiveAsync(buffer, SocketFlags.None, stop.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref sent);
                }
            }
            catch (OperationCanceledException)
            {
                // Measured long enough.
            }
        });

        await using var daemon = await DaemonProcess.StartAsync(published, directory, name, config(((IPEndPoint)receiver.LocalEndPoint!).Port, web)).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(warmup)).ConfigureAwait(false);
        if (daemon.HasExited)
        {
            throw new InvalidOperationException($"The daemon exited:\n{daemon.Output}");
        }

        var counted = name == "busy";
        var frames0 = counted ? await FramesAsync(http).ConfigureAwait(false) : 0;
        var (cpu0, switches0, sent0) = (daemon.CpuTime(), daemon.ContextSwitches(), Interlocked.Read(ref sent));
        await Task.Delay(TimeSpan.FromSeconds(window)).ConfigureAwait(false);
        var (cpu1, switches1, sent1) = (daemon.CpuTime(), daemon.ContextSwitches(), Interlocked.Read(ref sent));
        var frames1 = counted ? await FramesAsync(http).ConfigureAwait(false) : 0;
        await stop.CancelAsync().ConfigureAwait(false);
        await counting.ConfigureAwait(false);
        return (cpu1 - cpu0, switches1 - switches0, sent1 - sent0, frames1 - frames0);
    }

    /// <summary>The daemon's frame counter from its Prometheus text (<c>dominant_colors_frames_total</c>).</summary>
    private static async Task<long> FramesAsync(HttpClient http)
    {
        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)).ConfigureAwait(false);
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("dominant_colors_frames_total", StringComparison.Ordinal))
            {
                return (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No frame counter in /metrics:\n{text}");
    }

    private static string Busy(int port, int web) => $"""
        source:
          type: ffmpeg
          format: lavfi
          input: testsrc2=size=320x180:rate={FramesPerSecond}
          realtime: true
        {FourZoneLights}
        {Output(port, web)}
        """;

    /// <summary>The still picture with the web preview off: nothing but the outputs' own keep-alives should wake it.</summary>
    private static string Idle(string folder, int port) => $"""
        source:
          type: folder
          path: {folder}
        {FourZoneLights}
        {Output(port, web: 0)}
        """;

    /// <summary>Four edge zones, one light each, as a TV backlight has them; the same for the busy and idle runs.</summary>
    private const string FourZoneLights = """
        smoothing:
          intensity: moderate
        lights:
          - name: left
            zone: left
          - name: right
            zone: right
          - name: top
            zone: top
          - name: bottom
            zone: bottom
        """;

    private static string Output(int port, int web) => $"""
        outputs:
          - type: wled
            host: 127.0.0.1
            port: {port}
            protocol: ddp
            lights: [left, right, top, bottom]
            ledCount: 120
            jsonApi: false
        web:
          enabled: {(web > 0 ? "true" : "false")}
          address: 127.0.0.1
          port: {Math.Max(web, 1)}
        """;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static string Tuning()
    {
        var set = Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("DOTNET_", StringComparison.Ordinal)).Order().ToArray();
        return set.Length == 0 ? "none" : string.Join(' ', set.Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}"));
    }
}
