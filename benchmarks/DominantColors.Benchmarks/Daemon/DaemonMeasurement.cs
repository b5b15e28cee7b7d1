using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DominantColors.Testing;

namespace DominantColors.Benchmarks.Daemon;

/// <summary>
/// Measures the published daemon as a user runs it (a separate process, not BenchmarkDotNet): time from process
/// start to the first colors printed by the console output, and resident memory with the web preview off, on with
/// nobody watching, and on with one page streaming <c>/api/events</c>. Run with
/// <c>daemon-measure PUBLISHED_DIR [runs] [seconds]</c> after <c>dotnet publish src/DominantColors -c Release -r linux-x64 -o PUBLISHED_DIR</c>.
/// <c>daemon-measure first-color PUBLISHED_DIR [runs]</c> measures the first color per output type
/// (<see cref="FirstColorMeasurement"/>), <c>daemon-measure cpu PUBLISHED_DIR [runs] [warmup] [window]</c> the CPU
/// per frame and idle (<see cref="CpuMeasurement"/>).
/// </summary>
public static class DaemonMeasurement
{
    public static async Task RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: daemon-measure [first-color|cpu] PUBLISHED_DIR [runs] [seconds|warmup window]");
            return;
        }

        if (args[1] is "first-color" or "cpu" && args.Length > 2)
        {
            var dir = Directory.CreateTempSubdirectory("dominant-colors-measure-").FullName;
            try
            {
                var app = Path.GetFullPath(args[2]);
                Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load {Load()}");
                Console.WriteLine($"daemon: {app}");
                int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
                if (args[1] == "cpu")
                {
                    await CpuMeasurement.RunAsync(app, dir, Arg(3, 3), Arg(4, 60), Arg(5, 30)).ConfigureAwait(false);
                }
                else
                {
                    await FirstColorMeasurement.RunAsync(app, dir, Arg(3, 7)).ConfigureAwait(false);
                }
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }

            return;
        }

        var published = Path.GetFullPath(args[1]);
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 7;
        var seconds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20;
        var directory = Directory.CreateTempSubdirectory("dominant-colors-measure-").FullName;
        try
        {
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load {Load()}");
            Console.WriteLine($"daemon: {published}");
            foreach (var web in runs > 0 ? new[] { false, true } : [])
            {
                var times = new List<double>();
                var cpu = new List<double>();
                for (var i = 0; i < runs; i++)
                {
                    await using var daemon = await DaemonProcess.StartAsync(published, directory, web, FreePort()).ConfigureAwait(false);
                    var (wall, used) = await daemon.FirstColorAsync().ConfigureAwait(false);
                    times.Add(wall.TotalMilliseconds);
                    cpu.Add(used.TotalMilliseconds);
                }

                times.Sort();
                cpu.Sort();
                Console.WriteLine(
                    $"first color after process start, web {(web ? "on" : "off")}: median {times[times.Count / 2]:F0} ms, min {times[0]:F0}, max {times[^1]:F0} " +
                    $"({runs} runs: {string.Join(' ', times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}); " +
                    $"CPU used by then: median {cpu[cpu.Count / 2]:F0} ms, min {cpu[0]:F0}, max {cpu[^1]:F0}");
            }

            await MeasureMemoryAsync("web off", published, directory, web: false, page: false, seconds).ConfigureAwait(false);
            await MeasureMemoryAsync("web on, nobody watching", published, directory, web: true, page: false, seconds).ConfigureAwait(false);
            await MeasureMemoryAsync("web on, one page streaming /api/events", published, directory, web: true, page: true, seconds).ConfigureAwait(false);
            Console.WriteLine($"load after: {Load()}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task MeasureMemoryAsync(string label, string published, string directory, bool web, bool page, int seconds)
    {
        var port = FreePort();
        await using var daemon = await DaemonProcess.StartAsync(published, directory, web, port).ConfigureAwait(false);
        await daemon.FirstColorAsync().ConfigureAwait(false);
        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var stop = new CancellationTokenSource();
        var events = 0L;
        var bytes = 0L;
        var reading = Task.CompletedTask;
        if (page)
        {
            reading = Task.Run(async () =>
            {
                try
                {
                    using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/api/events"), HttpCompletionOption.ResponseHeadersRead, stop.Token).ConfigureAwait(false);
                    using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token).ConfigureAwait(false));
                    while (await reader.ReadLineAsync(stop.Token).ConfigureAwait(false) is { } line)
                    {
                        if (line.StartsWith("data: ", StringComparison.Ordinal))
                        {
                            Interlocked.Increment(ref events);
                            Interlocked.Add(ref bytes, line.Length);
                        }
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // Measured long enough.
                }
            });
        }

        var samples = new List<(long Rss, long Anon, long File)>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        for (var s = 0; s < seconds && await timer.WaitForNextTickAsync().ConfigureAwait(false); s++)
        {
            samples.Add(daemon.Resident());
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await reading.ConfigureAwait(false);
        var last = samples[^1];
        var peak = samples.MaxBy(s => s.Rss);
        var tail = samples.Skip(samples.Count / 2).Select(s => s.Rss).Order().ToArray();
        Console.WriteLine(
            $"RSS, {label}: last {Mb(last.Rss)} MB (anon {Mb(last.Anon)}, file {Mb(last.File)}), median of the last {tail.Length} s {Mb(tail[tail.Length / 2])} MB, " +
            $"peak {Mb(peak.Rss)} MB (anon {Mb(peak.Anon)}, file {Mb(peak.File)}) over {seconds} s" +
            (page ? $"; {events} events, {bytes / Math.Max(1, events) / 1024.0:F1} KB each" : string.Empty));
    }

    private static string Mb(long kilobytes) => (kilobytes / 1024.0).ToString("F1", CultureInfo.InvariantCulture);

    internal static string Load() => File.ReadAllText("/proc/loadavg").Trim();

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
