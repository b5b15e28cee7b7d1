using DominantColors.Configuration;
using DominantColors.Hosting;
using DominantColors.Pipeline;
using DominantColors.Systemd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DominantColors.IntegrationTests.Peers;

/// <summary>
/// The real daemon (<see cref="DaemonHost.Build"/>, what <c>dominant-colors run</c> runs) in this process on the
/// system clock, with its config file and state directory in a unique temporary directory and every log record kept.
/// The web preview stays off unless the config asks for it, so parallel daemons never compete for its port.
/// </summary>
internal sealed class RunningDaemon : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private RunningDaemon(string directory, string stateDirectory, IHost host, LogRecorder logs)
    {
        Directory = directory;
        StateDirectory = stateDirectory;
        Host = host;
        Logs = logs;
        Pipeline = host.Services.GetRequiredService<PipelineService>();
        Metrics = host.Services.GetRequiredService<PipelineMetrics>();
        Outputs = host.Services.GetRequiredService<OutputStates>();
        Lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
    }

    public string Directory { get; }

    public string ConfigPath => Path.Combine(Directory, "config.yaml");

    public string StateDirectory { get; }

    public IHost Host { get; }

    public LogRecorder Logs { get; }

    public PipelineService Pipeline { get; }

    public PipelineMetrics Metrics { get; }

    /// <summary>The outputs as the status page, <c>/healthz</c> and the output meters see them.</summary>
    public OutputStates Outputs { get; }

    public IHostApplicationLifetime Lifetime { get; }

    /// <summary>True while the host runs and no fatal fault asked for a non-zero exit code.</summary>
    public bool IsRunning => !Lifetime.ApplicationStopping.IsCancellationRequested
        && Host.Services.GetRequiredService<DaemonExit>().Code == 0;

    /// <summary>
    /// Writes <paramref name="yaml"/> to a config file in <paramref name="directory"/> (default: a new temporary one; it
    /// is deleted on dispose either way) and starts the daemon on it (READY: the first frame came).
    /// <paramref name="stateDirectory"/> defaults to a <c>state</c> folder there.
    /// </summary>
    public static async Task<RunningDaemon> StartAsync(string yaml, string? stateDirectory = null, LogLevel minimumLevel = LogLevel.Debug, string? directory = null)
    {
        directory ??= System.IO.Directory.CreateTempSubdirectory("dc-faults-").FullName;
        stateDirectory ??= System.IO.Directory.CreateDirectory(Path.Combine(directory, "state")).FullName;
        var path = Path.Combine(directory, "config.yaml");
        await File.WriteAllTextAsync(path, yaml);
        var logs = new LogRecorder(minimumLevel);
        string[] switches = yaml.Contains("web:", StringComparison.Ordinal) ? [] : ["--web:enabled=false"];
        var host = DaemonHost.Build(new ConfigFile(path), switches, services =>
        {
            services.AddSingleton(new StateDirectory(stateDirectory));
            services.AddLogging(logging => logging.ClearProviders().AddProvider(logs).SetMinimumLevel(minimumLevel));
        });
        var daemon = new RunningDaemon(directory, stateDirectory, host, logs);
        try
        {
            await host.StartAsync().WaitAsync(StartTimeout);
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }

        return daemon;
    }

    /// <summary>Waits until the analysis loop has handled <paramref name="count"/> more source frames (ticks do not count).</summary>
    public async Task WaitForFramesAsync(int count, TimeSpan timeout)
    {
        var target = Metrics.Frames + count;
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnStep(object? sender, EventArgs e)
        {
            if (Metrics.Frames >= target)
            {
                reached.TrySetResult();
            }
        }

        Pipeline.StepCompleted += OnStep;
        try
        {
            OnStep(null, EventArgs.Empty);
            await reached.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The daemon analysed fewer than {count} frames within {timeout.TotalSeconds:0.#} s. Logged:\n{Logs.Dump()}");
        }
        finally
        {
            Pipeline.StepCompleted -= OnStep;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            try
            {
                await Host.StopAsync(stop.Token);
            }
            finally
            {
                // Asynchronously, so the pipeline disposes its sinks and source (sockets, ffmpeg) too.
                await ((IAsyncDisposable)Host).DisposeAsync();
            }
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
