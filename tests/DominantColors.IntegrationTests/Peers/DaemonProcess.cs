using System.Diagnostics;

namespace DominantColors.IntegrationTests.Peers;

/// <summary>
/// The built <c>dominant-colors</c> app run as its own process (<c>dotnet dominant-colors.dll ...</c>), the way
/// systemd starts it: its parent process is named <c>systemd</c>, which is how Microsoft.Extensions.Hosting.Systemd 10
/// (<c>SystemdHelpers.IsSystemdService</c>: parent's /proc comm is "systemd", or PID 1 with NOTIFY_SOCKET) decides to
/// turn on its lifetime and notifier. The parent is /bin/sh started through a symlink named <c>systemd</c>; it runs the
/// app as a child and exits with its exit code. stdout and stderr lines are kept.
/// </summary>
internal sealed class DaemonProcess : IAsyncDisposable
{
    private readonly Process _launcher;
    private readonly List<string> _lines = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DaemonProcess(Process launcher)
    {
        _launcher = launcher;
    }

    /// <summary>
    /// Starts <c>dominant-colors <paramref name="arguments"/></c> under a parent named systemd in
    /// <paramref name="directory"/> (a unique temporary one), with <paramref name="environment"/> added to this
    /// process's environment (NOTIFY_SOCKET, WATCHDOG_USEC, overrides). <paramref name="app"/> is the
    /// <c>dominant-colors.dll</c> to run: by default the build beside this assembly, or a published one.
    /// <paramref name="parentName"/> names the parent otherwise: under the shipped unit (<c>ProtectProc=invisible</c>)
    /// the app cannot see its parent at all, so only NOTIFY_SOCKET tells it that systemd runs it.
    /// </summary>
    public static DaemonProcess Start(
        string directory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string? app = null, string parentName = "systemd")
    {
        var parent = Path.Combine(directory, parentName);
        File.CreateSymbolicLink(parent, "/bin/sh");
        var start = new ProcessStartInfo(parent)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = directory,
        };

        // "; exit $?" keeps the shell from exec'ing the app in its place: the app must stay its child.
        foreach (var argument in (string[])["-c", "\"$@\"; exit $?", parentName, DotnetHost, app ?? AppPath])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in (string[])["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "LISTEN_PID", "INVOCATION_ID", "NO_COLOR"])
        {
            start.Environment.Remove(name);
        }

        start.Environment["STATE_DIRECTORY"] = Directory.CreateDirectory(Path.Combine(directory, "state")).FullName;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var launcher = new Process { StartInfo = start };
        var daemon = new DaemonProcess(launcher);
        launcher.OutputDataReceived += (_, e) => daemon.Add(e.Data);
        launcher.ErrorDataReceived += (_, e) => daemon.Add(e.Data);
        launcher.Start();
        launcher.BeginOutputReadLine();
        launcher.BeginErrorReadLine();
        return daemon;
    }

    /// <summary>The built app beside this test assembly (the project reference copies it here).</summary>
    public static string AppPath => Path.Combine(AppContext.BaseDirectory, "dominant-colors.dll");

    private static string DotnetHost =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public string Output => string.Join('\n', Lines);

    /// <summary>The app's own process (the child of its parent named systemd), found through /proc; null once it exited.</summary>
    public int? AppProcessId
    {
        get
        {
            var parent = _launcher.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                try
                {
                    if (int.TryParse(Path.GetFileName(directory), out var pid)
                        && File.ReadLines(Path.Combine(directory, "status")).FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal))?[5..].Trim() == parent)
                    {
                        return pid;
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // It exited while we looked.
                }
            }

            return null;
        }
    }

    /// <summary>True while the app's parent runs (it exits with the app).</summary>
    public bool HasExited => _launcher.HasExited;

    /// <summary>Waits for an output line containing <paramref name="text"/> (e.g. a log event id "[101]").</summary>
    public async Task WaitForLineAsync(string text, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_lines)
            {
                if (_lines.Exists(l => l.Contains(text, StringComparison.Ordinal)))
                {
                    return;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"No line with '{text}' within {timeout.TotalSeconds} s. Output:\n{Output}");
            }
        }
    }

    /// <summary>Waits for the app to exit and returns its exit code (passed on by its parent).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _launcher.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"dominant-colors still runs after {timeout.TotalSeconds} s. Output:\n{Output}");
        }

        return _launcher.ExitCode;
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_launcher.HasExited)
        {
            _launcher.Kill(entireProcessTree: true);
            await _launcher.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        _launcher.Dispose();
    }
}
