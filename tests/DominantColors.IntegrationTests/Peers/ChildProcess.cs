using System.Diagnostics;
using DominantColors.Testing.Daemon;

namespace DominantColors.IntegrationTests.Peers;

/// <summary>A process this test process started (ffmpeg under the daemon), found through /proc and sent signals with kill(1).</summary>
internal sealed record ChildProcess(int Id)
{
    /// <summary>
    /// Waits for a child of this process whose command line contains <paramref name="marker"/> and that is not
    /// <paramref name="except"/> (the one that was killed), checking /proc each time the daemon logs something.
    /// </summary>
    public static async Task<ChildProcess> WaitForAsync(string marker, LogRecorder logs, TimeSpan timeout, int? except = null)
    {
        // ffmpeg is logged (event 1400) as it starts; the log record is the event, /proc the proof.
        await logs.WaitForAsync(_ => Find(marker, except) is not null, timeout, $"while a child process '{marker}' runs");
        return Find(marker, except) ?? throw new InvalidOperationException($"No child process '{marker}'.");
    }

    public static ChildProcess? Find(string marker, int? except = null)
    {
        var self = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == except)
            {
                continue;
            }

            try
            {
                var status = File.ReadAllLines(Path.Combine(directory, "status"));
                var parent = status.FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal))?[5..].Trim();
                var state = status.FirstOrDefault(l => l.StartsWith("State:", StringComparison.Ordinal))?[6..].Trim() ?? "";
                if (parent != self || state.StartsWith('Z'))
                {
                    continue;
                }

                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(marker, StringComparison.Ordinal))
                {
                    return new ChildProcess(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // It exited while we looked.
            }
        }

        return null;
    }

    /// <summary>True while the process exists and is not a zombie.</summary>
    public bool IsAlive
    {
        get
        {
            try
            {
                var state = File.ReadAllLines($"/proc/{Id}/status").FirstOrDefault(l => l.StartsWith("State:", StringComparison.Ordinal));
                return state is not null && !state[6..].Trim().StartsWith('Z');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }

    /// <summary>Sends <paramref name="signal"/> (KILL, STOP, CONT) with kill(1).</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
        })!;
        kill.WaitForExit(5000);
    }
}
