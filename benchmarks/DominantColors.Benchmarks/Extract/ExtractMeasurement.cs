using System.Diagnostics;
using System.Globalization;
using DominantColors.Extract;
using DominantColors.Testing.Imaging;

namespace DominantColors.Benchmarks.Extract;

/// <summary>
/// <c>extract-measure sheet N [rounds]</c>: the CPU time (and wall time) of <c>extract --format json</c> on N
/// 12-megapixel JPEGs against the same run with <c>--html</c>, alternated in one process (json, sheet, json, sheet,
/// ...) so machine load hits both alike; prints each run and the ratio of the medians. <c>extract-measure memory N</c>: one run over N small generated
/// pictures with <c>--output</c>, <c>--html</c> and jsonl on stdout, printing the managed heap after a full
/// collection and the working set every tenth of the way, to show that memory stays flat.
/// </summary>
internal static class ExtractMeasurement
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
        if (args is [_, "memory", ..])
        {
            await MemoryAsync(count).ConfigureAwait(false);
        }
        else
        {
            await SheetAsync(count, rounds: args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3).ConfigureAwait(false);
        }
    }

    private static async Task SheetAsync(int count, int rounds)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dominant-colors-bench-12mp");
        var files = PhotoBatch.Create(folder, count);
        var sheet = Path.Combine(Path.GetTempPath(), "dominant-colors-bench-sheet.html");
        var json = new List<double>();
        var html = new List<double>();
        Console.WriteLine($"{count} JPEGs of {PhotoBatch.Width}x{PhotoBatch.Height}, --jobs {Environment.ProcessorCount}, load {LoadAverage()}");
        for (var round = 0; round < rounds; round++)
        {
            json.Add(await TimeAsync(new ExtractSettings { Format = ExtractFormat.Json, Jobs = Environment.ProcessorCount }, files).ConfigureAwait(false));
            html.Add(await TimeAsync(new ExtractSettings { Format = ExtractFormat.Json, Jobs = Environment.ProcessorCount, Html = sheet }, files).ConfigureAwait(false));
            Console.WriteLine($"round {round + 1}: CPU json {json[^1]:0.00} s, json + --html {html[^1]:0.00} s");
        }

        var ratio = Median(html) / Median(json);
        Console.WriteLine($"median CPU: json {Median(json):0.00} s, with --html {Median(html):0.00} s, ratio {ratio:0.000}; sheet {new FileInfo(sheet).Length / 1e6:0.0} MB; load {LoadAverage()}");
    }

    private static async Task MemoryAsync(int count)
    {
        var folder = Directory.CreateTempSubdirectory("dominant-colors-bench-many-").FullName;
        try
        {
            // A hundred distinct small pictures, each reached through count/100 symbolic links: distinct inputs (paths)
            // without filling the disk with count files' worth of blocks.
            var files = SmallPictures.Create(folder, count);
            var counter = new LineCounter(count);
            var settings = new ExtractSettings
            {
                Format = ExtractFormat.JsonLines,
                Jobs = Environment.ProcessorCount,
                Html = Path.Combine(folder, "sheet.html"),
                Output = Path.Combine(folder, "results.jsonl"),
            };
            Console.WriteLine($"{count} pictures of {SmallPictures.Width}x{SmallPictures.Height}, --jobs {settings.Jobs}, load {LoadAverage()}");
            var watch = Stopwatch.StartNew();
            var batch = new ExtractBatch(settings, counter, TextWriter.Null, TimeProvider.System, swatches: false, progress: false);
            await batch.RunAsync([folder + "/pictures"], CancellationToken.None).ConfigureAwait(false);
            Console.WriteLine($"{counter.Lines} inputs in {watch.Elapsed.TotalSeconds:0.0} s; results {new FileInfo(settings.Output).Length / 1e6:0.0} MB, sheet {new FileInfo(settings.Html).Length / 1e6:0.0} MB");
            _ = files;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The process's CPU time (user + system) for one run: on a machine shared with other work it moves far less
    /// with the load than the wall time does, and with every core busy it is what the run costs.
    /// </summary>
    private static async Task<double> TimeAsync(ExtractSettings settings, string[] files)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var batch = new ExtractBatch(settings, TextWriter.Null, TextWriter.Null, TimeProvider.System, swatches: false, progress: false);
        await batch.RunAsync(files, CancellationToken.None).ConfigureAwait(false);
        process.Refresh();
        Console.Write($"[wall {watch.Elapsed.TotalSeconds:0.00} s] ");
        return (process.TotalProcessorTime - cpu).TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
