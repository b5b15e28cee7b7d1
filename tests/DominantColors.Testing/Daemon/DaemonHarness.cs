using System.Diagnostics;
using DominantColors.Configuration;
using DominantColors.Hosting;
using DominantColors.Systemd;
using DominantColors.Outputs;
using DominantColors.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Testing.Daemon;

/// <summary>
/// The real daemon (<see cref="DaemonHost.Build"/>, what <c>dominant-colors run</c> runs) in this process, with its
/// config file in a temporary directory (deleted on dispose), a <c>type: test</c> output (<see cref="Sinks"/>) and
/// every log record kept (<see cref="Logs"/>). The web preview stays off unless the config asks for it, so daemons in
/// parallel tests never compete for its port. Two clocks:
/// <see cref="Start"/> runs it on a fake clock that moves only when the test says (<see cref="StepAsync"/>);
/// <see cref="StartAsync"/> runs it on the system clock with its own state directory, as the fault suite and the soak
/// test need (<see cref="WaitForFramesAsync"/>).
/// </summary>
internal sealed class DaemonHarness : IAsyncDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider? _time;

    private DaemonHarness(string directory, string? stateDirectory, IHost host, FakeTimeProvider? time, TestSinkFactory sinks, LogRecorder logs)
    {
        Directory = directory;
        StateDirectory = stateDirectory;
        Host = host;
        _time = time;
        Sinks = sinks;
        Logs = logs;
        Pipeline = host.Services.GetRequiredService<PipelineService>();
        Metrics = host.Services.GetRequiredService<PipelineMetrics>();
        Outputs = host.Services.GetRequiredService<OutputStates>();
        Lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
    }

    public string Directory { get; }

    public string ConfigPath => Path.Combine(Directory, "config.yaml");

    /// <summary>The state directory given to the daemon; null: the environment's (<see cref="Start"/>).</summary>
    public string? StateDirectory { get; }

    public IHost Host { get; }

    /// <summary>The fake clock of a daemon built by <see cref="Start"/>.</summary>
    public FakeTimeProvider Time => _time ?? throw new InvalidOperationException("This daemon runs on the system clock.");

    public TestSinkFactory Sinks { get; }

    public LogRecorder Logs { get; }

    public PipelineService Pipeline { get; }

    public PipelineMetrics Metrics { get; }

    /// <summary>The outputs as the status page, <c>/healthz</c> and the output meters see them.</summary>
    public OutputStates Outputs { get; }

    public IHostApplicationLifetime Lifetime { get; }

    /// <summary>True while the host runs and no fatal fault asked for a non-zero exit code.</summary>
    public bool IsRunning => !Lifetime.ApplicationStopping.IsCancellationRequested
        && Host.Services.GetRequiredService<DaemonExit>().Code == 0;

    /// <summary>The host's start (<see cref="Start"/> does not wait for it; see <see cref="WaitStartedAsync"/>).</summary>
    public Task? Started { get; private set; }

    /// <summary>
    /// Builds the host on <paramref name="yaml"/> (written to a config file in <paramref name="directory"/>, default a new
    /// temporary one) on a fake clock, with debug logging, and starts it without waiting.
    /// </summary>
    public static DaemonHarness Start(string yaml, string? directory = null, Action<IServiceCollection>? configureServices = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 20, 0, 0, TimeSpan.Zero));
        var harness = Build(yaml, directory, stateDirectory: null, time, LogLevel.Debug, configureServices);
        harness.Started = harness.Host.StartAsync();
        return harness;
    }

    /// <summary>
    /// Builds the host on <paramref name="yaml"/> (written to a config file in <paramref name="directory"/>, default a new
    /// temporary one) on the system clock and starts it (READY: the first frame came). <paramref name="stateDirectory"/>
    /// defaults to a <c>state</c> folder there.
    /// </summary>
    public static async Task<DaemonHarness> StartAsync(string yaml, string? stateDirectory = null, LogLevel minimumLevel = LogLevel.Debug, string? directory = null)
    {
        directory ??= System.IO.Directory.CreateTempSubdirectory("dc-faults-").FullName;
        stateDirectory ??= System.IO.Directory.CreateDirectory(Path.Combine(directory, "state")).FullName;
        var harness = Build(yaml, directory, stateDirectory, time: null, minimumLevel, configureServices: null);
        harness.Started = harness.Host.StartAsync();
        try
        {
            await harness.Started.WaitAsync(StartTimeout);
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }

        return harness;
    }

    /// <summary>Waits for the host to finish starting (the source's first frame).</summary>
    public Task WaitStartedAsync() => Started!.WaitAsync(Guard);

    /// <summary>
    /// Advances the fake clock by <paramref name="by"/>, has the analysis loop step at the new time (a frame, or a tick
    /// as its timer gives while something moves) and waits until every recording sink holds what its feed holds then
    /// (the pipeline publishes only colors that changed).
    /// </summary>
    public async Task StepAsync(TimeSpan by)
    {
        Time.Advance(by);
        var now = Time.GetTimestamp();
        await WaitForStepAsync(pipeline => pipeline.LastStepAt >= now, requestStep: true);
    }

    /// <summary>
    /// Advances the fake clock by <paramref name="by"/>, to when the source's next frame is due (the pattern source's
    /// timer runs on this clock), and waits until the analysis loop has handled that frame, not just a tick, and every
    /// recording sink holds what its feed holds then. The frame is rendered on another thread after the clock moves,
    /// so a step requested at once could run before it and show the previous frame's colors.
    /// </summary>
    public async Task StepFrameAsync(TimeSpan by)
    {
        Time.Advance(by);
        var now = Time.GetTimestamp();
        await WaitForStepAsync(pipeline => pipeline.LastFrameAt >= now, requestStep: false);
    }

    private async Task WaitForStepAsync(Func<LightPipeline, bool> reached, bool requestStep)
    {
        var pipeline = Pipeline.Pipeline!;
        var stepped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnStep(object? sender, EventArgs e)
        {
            if (reached(pipeline))
            {
                stepped.TrySetResult();
            }
        }

        Pipeline.StepCompleted += OnStep;
        try
        {
            if (!reached(pipeline))
            {
                if (requestStep)
                {
                    Pipeline.RequestStep();
                }

                await stepped.Task.WaitAsync(Guard);
            }
        }
        finally
        {
            Pipeline.StepCompleted -= OnStep;
        }

        foreach (var route in Pipeline.Routes)
        {
            if (route.Sink is RecordingColorSink sink)
            {
                await sink.WaitForVersionAsync(route.Feed.Version, Guard);
            }
        }
    }

    /// <summary>
    /// Steps the fake clock by 100 ms at a time until <paramref name="done"/> holds, giving real time between steps to
    /// what the fake clock does not drive (sockets: a broker's CONNACK, a refused connection). Fails after 20 s of real
    /// time, naming <paramref name="what"/>.
    /// </summary>
    public async Task StepUntilAsync(Func<bool> done, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!done())
        {
            if (waited.Elapsed > Guard)
            {
                throw new TimeoutException($"Still waiting after {Guard.TotalSeconds:0} s for {what}.");
            }

            await StepAsync(TimeSpan.FromMilliseconds(100));
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }

    /// <summary>Steps the fake clock <paramref name="count"/> times by <paramref name="step"/>.</summary>
    public async Task RunAsync(TimeSpan step, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await StepAsync(step);
        }
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
        using (var stop = new CancellationTokenSource(Guard))
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

    private static DaemonHarness Build(
        string yaml, string? directory, string? stateDirectory, FakeTimeProvider? time, LogLevel minimumLevel, Action<IServiceCollection>? configureServices)
    {
        directory ??= System.IO.Directory.CreateTempSubdirectory("dominant-colors-test-").FullName;
        var path = Path.Combine(directory, "config.yaml");
        File.WriteAllText(path, yaml);
        var sinks = new TestSinkFactory();
        var logs = new LogRecorder(minimumLevel);
        string[] switches = yaml.Contains("web:", StringComparison.Ordinal) ? [] : ["--web:enabled=false"];
        var host = DaemonHost.Build(new ConfigFile(path), switches, services =>
        {
            if (time is not null)
            {
                services.AddSingleton<TimeProvider>(time);
            }

            if (stateDirectory is not null)
            {
                services.AddSingleton(new StateDirectory(stateDirectory));
            }

            services.AddSingleton<IColorSinkFactory>(sinks);
            services.AddLogging(logging => logging.ClearProviders().AddProvider(logs).SetMinimumLevel(minimumLevel));
            configureServices?.Invoke(services);
        });
        return new DaemonHarness(directory, stateDirectory, host, time, sinks, logs);
    }
}
