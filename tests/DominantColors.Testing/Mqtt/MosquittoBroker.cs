using System.Diagnostics;

namespace DominantColors.Testing.Mqtt;

/// <summary>
/// A real mosquitto on a free loopback port with a generated config (anonymous, optionally TLS). It can be stopped
/// and started again on the same port; start waits for mosquitto's own "running" line, not for a fixed time.
/// </summary>
internal sealed class MosquittoBroker : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/mosquitto";
    private readonly string _directory;
    private readonly string _configFile;
    private Process? _process;

    private MosquittoBroker(TestCertificates? tls)
    {
        Port = FreePort.Next();
        _directory = Directory.CreateTempSubdirectory("dc-mosquitto-").FullName;
        _configFile = Path.Combine(_directory, "mosquitto.conf");
        var config = $"""
            listener {Port} 127.0.0.1
            allow_anonymous true
            persistence false
            log_dest stderr
            log_type all
            user root

            """;
        if (tls is not null)
        {
            TlsPort = FreePort.Next();
            config += $"""
                listener {TlsPort} 127.0.0.1
                cafile {tls.CaFile}
                certfile {tls.ServerCertFile}
                keyfile {tls.ServerKeyFile}

                """;
        }

        File.WriteAllText(_configFile, config);
    }

    /// <summary>The plain listener.</summary>
    public int Port { get; }

    /// <summary>The TLS listener, when started with certificates.</summary>
    public int TlsPort { get; }

    public static async Task<MosquittoBroker> StartAsync(TestCertificates? tls = null)
    {
        var broker = new MosquittoBroker(tls);
        await broker.StartAgainAsync();
        return broker;
    }

    public async Task StartAgainAsync()
    {
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Text.StringBuilder();
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(Executable, ["-c", _configFile])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            },
            EnableRaisingEvents = true,
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                running.TrySetException(new InvalidOperationException($"mosquitto exited before it was running:\n{log}"));
                return;
            }

            lock (log)
            {
                log.AppendLine(e.Data);
            }

            if (e.Data.Contains(" running", StringComparison.Ordinal))
            {
                running.TrySetResult();
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;
        await running.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
