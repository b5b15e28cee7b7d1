using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DominantColors.Benchmarks.Daemon;

/// <summary>
/// The published <c>dominant-colors run</c> started as a child process with its stdout read line by line: on the demo's
/// scene (pattern source at 30 frames/s, three lights, console output, web preview on or off), or on a given config.
/// </summary>
internal sealed partial class DaemonProcess : IAsyncDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly long _started;
    private readonly TaskCompletionSource<(TimeSpan Wall, TimeSpan Cpu)> _firstColor = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reading;
    private readonly List<string> _lines = [];

    private DaemonProcess(Process process, long started)
    {
        _process = process;
        _started = started;
        _reading = Task.WhenAll(ReadAsync(process.StandardOutput, colors: true), ReadAsync(process.StandardError, colors: false));
    }

    public static Task<DaemonProcess> StartAsync(string published, string directory, bool web, int port) =>
        StartAsync(published, directory, web ? "web" : "noweb", $"""
            source:
              type: pattern
              fps: 30
              periodSeconds: 12
            analysis:
              colors: 5
            smoothing:
              intensity: moderate
            lights:
              - name: left
                zone: left
              - name: center
                zone: center
              - name: right
                zone: right
            outputs:
              - type: console
                lights: [left, center, right]
                rate: 2
            web:
              enabled: {(web ? "true" : "false")}
              address: 127.0.0.1
              port: {port}
            """);

    /// <summary>Starts the daemon on <paramref name="yaml"/>, written to <paramref name="directory"/> as <paramref name="name"/>.yaml.</summary>
    public static Task<DaemonProcess> StartAsync(string published, string directory, string name, string yaml)
    {
        var config = Path.Combine(directory, $"measure-{name}.yaml");
        File.WriteAllText(config, yaml);
        var apphost = Path.Combine(published, "dominant-colors");
        var info = File.Exists(apphost)
            ? new ProcessStartInfo(apphost)
            : new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(published, "dominant-colors.dll") } };
        info.ArgumentList.Add("run");
        info.ArgumentList.Add("--config");
        info.ArgumentList.Add(config);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.Environment["STATE_DIRECTORY"] = directory;
        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
        return Task.FromResult(new DaemonProcess(process, started));
    }

    /// <summary>
    /// Time from starting the process to the first line of colors on its stdout, and the CPU time (user + system) the
    /// process had used by then: the wall time depends on the machine's load, the CPU time much less.
    /// </summary>
    public Task<(TimeSpan Wall, TimeSpan Cpu)> FirstColorAsync() => _firstColor.Task.WaitAsync(Guard);

    /// <summary>Wall time since the process was started.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    /// <summary>Whether the daemon has exited (a bad config, a crash).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>VmRSS, RssAnon and RssFile in kB from <c>/proc/PID/status</c>.</summary>
    public (long Rss, long Anon, long File) Resident()
    {
        long rss = 0, anon = 0, file = 0;
        foreach (var line in System.IO.File.ReadLines($"/proc/{_process.Id}/status"))
        {
            var value = Kilobytes().Match(line);
            if (!value.Success)
            {
                continue;
            }

            var kb = long.Parse(value.Groups[2].Value, CultureInfo.InvariantCulture);
            switch (value.Groups[1].Value)
            {
                case "VmRSS": rss = kb; break;
                case "RssAnon": anon = kb; break;
                case "RssFile": file = kb; break;
            }
        }

        return (rss, anon, file);
    }

    /// <summary>Voluntary and involuntary context switches of all the daemon's threads (<c>/proc/PID/task/*/status</c>).</summary>
    public long ContextSwitches()
    {
        long switches = 0;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{_process.Id}/task"))
        {
            try
            {
                foreach (var line in System.IO.File.ReadLines(Path.Combine(task, "status")))
                {
                    if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal) || line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                    {
                        switches += long.Parse(line.AsSpan(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim(), CultureInfo.InvariantCulture);
                    }
                }
            }
            catch (IOException)
            {
                // The thread ended while we read.
            }
        }

        return switches;
    }

    /// <summary>The daemon's stderr and log lines so far, for a failed measurement's report.</summary>
    public string Output => string.Join('\n', _lines);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().WaitAsync(Guard).ConfigureAwait(false);
        await _reading.ConfigureAwait(false);
        _firstColor.TrySetCanceled();
        _process.Dispose();
    }

    private async Task ReadAsync(StreamReader reader, bool colors)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (_lines)
            {
                if (_lines.Count < 200)
                {
                    _lines.Add(line);
                }
            }

            if (colors && ColorLine().IsMatch(line))
            {
                var wall = Stopwatch.GetElapsedTime(_started);
                _firstColor.TrySetResult((wall, CpuTime()));
            }
        }
    }

    /// <summary>utime + stime from <c>/proc/PID/stat</c> (fields 14 and 15, in clock ticks of 1/100 s): this process only, not ffmpeg.</summary>
    public TimeSpan CpuTime() => CpuTimeOf(_process.Id);

    /// <summary>utime + stime of process <paramref name="pid"/> from <c>/proc/PID/stat</c>.</summary>
    public static TimeSpan CpuTimeOf(int pid)
    {
        var stat = System.IO.File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    [GeneratedRegex(@"^\w+=#[0-9a-fA-F]{6}")]
    private static partial Regex ColorLine();

    [GeneratedRegex(@"^(\w+):\s+(\d+) kB")]
    private static partial Regex Kilobytes();
}
