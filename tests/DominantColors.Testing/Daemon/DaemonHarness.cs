using System.Diagnostics;
using DominantColors.Configuration;
using DominantColors.Hosting;
using DominantColors.Outputs;
using DominantColors.Pipeline;
using DominantColors.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Tests.Hosting;

/// <summary>
/// The real daemon host on a fake clock, with a <c>type: test</c> output and captured logs. Time moves only when the
/// test says; <see cref="StepAsync"/> waits (on an event, never a sleep) until the analysis loop has handled the step.
/// </summary>
internal sealed class DaemonHarness : IAsyncDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    private DaemonHarness(string directory, IHost host, FakeTimeProvider time, TestSinkFactory sinks)
    {
        Directory = directory;
        Host = host;
        Time = time;
        Sinks = sinks;
        Pipeline = host.Services.GetRequiredService<PipelineService>();
    }

    public string Directory { get; }

    public string ConfigPath => Path.Combine(Directory, "config.yaml");

    public IHost Host { get; }

    public FakeTimeProvider Time { get; }

    public TestSinkFactory Sinks { get; }

    public PipelineService Pipeline { get; }

    public FakeLogCollector Logs => Host.Services.GetFakeLogCollector();

    public Task? Started { get; private set; }

    /// <summary>Builds the host on <paramref name="yaml"/> (written to a temporary config file) and starts it.</summary>
    public static DaemonHarness Start(string yaml, string? directory = null, Action<IServiceCollection>? configureServices = null)
    {
        directory ??= System.IO.Directory.CreateTempSubdirectory("dominant-colors-test-").FullName;
        var path = Path.Combine(directory, "config.yaml");
        File.WriteAllText(path, yaml);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 20, 0, 0, TimeSpan.Zero));
        var sinks = new TestSinkFactory();
        // The web preview is on by default on a fixed port; tests that do not ask for it keep it off so that daemons in
        // parallel tests do not compete for that port.
        string[] switches = yaml.Contains("web:", StringComparison.Ordinal) ? [] : ["--web:enabled=false"];
        var host = DaemonHost.Build(new ConfigFile(path), switches, services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IColorSinkFactory>(sinks);
            services.AddLogging(logging => logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
            configureServices?.Invoke(services);
        });
        var harness = new DaemonHarness(directory, host, time, sinks);
        harness.Started = host.StartAsync();
        return harness;
    }

    /// <summary>Waits for the host to finish starting (the source's first frame).</summary>
    public Task WaitStartedAsync() => Started!.WaitAsync(Guard);

    /// <summary>
    /// Advances the clock by <paramref name="by"/>, has the analysis loop step at the new time (a frame, or a tick as
    /// its timer gives while something moves) and waits until every recording sink holds what its feed holds then
    /// (the pipeline publishes only colors that changed).
    /// </summary>
    public async Task StepAsync(TimeSpan by)
    {
        Time.Advance(by);
        var now = Time.GetTimestamp();
        var stepped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnStep(object? sender, EventArgs e)
        {
            if (Pipeline.Pipeline!.LastStepAt >= now)
            {
                stepped.TrySetResult();
            }
        }

        Pipeline.StepCompleted += OnStep;
        try
        {
            if (Pipeline.Pipeline!.LastStepAt < now)
            {
                Pipeline.RequestStep();
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
    /// Steps the clock by 100 ms at a time until <paramref name="done"/> holds, giving real time between steps to what
    /// the fake clock does not drive (sockets: a broker's CONNACK, a refused connection). Fails after 20 s of real time,
    /// naming <paramref name="what"/>.
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

    /// <summary>Steps the clock <paramref name="count"/> times by <paramref name="step"/>.</summary>
    public async Task RunAsync(TimeSpan step, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await StepAsync(step);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(Guard);
        await Host.StopAsync(stop.Token);
        Host.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
