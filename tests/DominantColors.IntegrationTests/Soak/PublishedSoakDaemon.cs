using System.Globalization;
using DominantColors.IntegrationTests.Peers;

namespace DominantColors.IntegrationTests.Soak;

/// <summary>
/// The published app (ReadyToRun, dynamic PGO off: what users install) run as its own process the way the systemd
/// unit runs it (under a parent named systemd, with the unit's <c>Environment=</c>), with its web server on a free loopback port for <c>/metrics</c>. Only its process is measured, as it
/// is: nothing collected, nothing trimmed, so the figures are what a user's <c>systemctl status</c> would show.
/// </summary>
internal sealed class PublishedSoakDaemon : ISoakDaemon
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly DaemonProcess _process;
    private readonly HttpClient _http;
    private readonly string _directory;

    private PublishedSoakDaemon(DaemonProcess process, int processId, Uri web, string directory, string app)
    {
        _directory = directory;
        _process = process;
        ProcessId = processId;
        _http = new HttpClient { BaseAddress = web, Timeout = TimeSpan.FromSeconds(10) };

        // A connection per scrape, so no idle keep-alive socket is counted among the daemon's descriptors.
        _http.DefaultRequestHeaders.ConnectionClose = true;
        ConfigPath = Path.Combine(directory, "config.yaml");
        Description = $"the published daemon as its own process ({app}, pid {processId}), measured alone and untrimmed";
    }

    /// <summary>Writes <paramref name="config"/> (plus a web section on a free port) and runs the app on it until its first frame.</summary>
    public static async Task<ISoakDaemon> StartAsync(string directory, string config, string app)
    {
        var configPath = Path.Combine(directory, "config.yaml");
        await File.WriteAllTextAsync(configPath, config);
        var process = DaemonProcess.Start(directory, ["run", "--config", configPath, "--web:port=0"], SourceTree.ServiceEnvironment(), app);
        try
        {
            // Event 700: the web server listens (its address); event 101: the first frame went to the sinks.
            await process.WaitForLineAsync("[700]", StartTimeout);
            await process.WaitForLineAsync("[101]", StartTimeout);
            var line = process.Lines.First(l => l.Contains("[700]", StringComparison.Ordinal));
            var address = line[(line.IndexOf("listening on ", StringComparison.Ordinal) + 13)..].Split(' ')[0];
            var processId = process.AppProcessId ?? throw new InvalidOperationException($"dominant-colors is not running. Output:\n{process.Output}");
            return new PublishedSoakDaemon(process, processId, new Uri(address), directory, app);
        }
        catch
        {
            await process.DisposeAsync();
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public string Description { get; }

    public int ProcessId { get; }

    public string ConfigPath { get; }

    public bool IsRunning => !_process.HasExited && _process.AppProcessId == ProcessId;

    /// <summary>Lines at syslog levels 0 to 4 (emergency to warning): the systemd console format under a parent named systemd.</summary>
    public int Warnings => _process.Lines.Count(l => l.Length > 2 && l[0] == '<' && l[1] is >= '0' and <= '4' && l[2] == '>');

    public async Task<(long Frames, long Dropped)> ReadFramesAsync()
    {
        var metrics = await _http.GetStringAsync(new Uri("metrics", UriKind.Relative));
        return (Counter(metrics, "dominant_colors_frames_total"), Counter(metrics, "dominant_colors_frames_dropped_total"));
    }

    public ProcessFootprint Measure() => ProcessFootprint.Measure(ProcessId);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static long Counter(string metrics, string name)
    {
        // "name value" or "name{labels} value"; a counter with no samples yet is absent.
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal) || l.StartsWith(name + "{", StringComparison.Ordinal));
        return line is null ? 0 : (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }
}
