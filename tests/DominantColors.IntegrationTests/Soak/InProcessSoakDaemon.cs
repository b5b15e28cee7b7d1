using DominantColors.Testing.Daemon;
using Microsoft.Extensions.Logging;

namespace DominantColors.IntegrationTests.Soak;

/// <summary>
/// The daemon's host in the test process (<c>SOAK_DAEMON=in-process</c>): the runtime reports its GC heap and JIT
/// figures, and glibc's free pages are trimmed before each reading; the figures include the peers.
/// </summary>
internal sealed class InProcessSoakDaemon(DaemonHarness daemon) : ISoakDaemon
{
    public static async Task<ISoakDaemon> StartAsync(string directory, string config) =>
        new InProcessSoakDaemon(await DaemonHarness.StartAsync(config, Path.Combine(directory, "state"), LogLevel.Information, directory));

    public string Description => "the daemon's host in the test process (the peers' memory included; GC collected and glibc trimmed before each reading)";

    public int ProcessId => Environment.ProcessId;

    public string ConfigPath => daemon.ConfigPath;

    public bool IsRunning => daemon.IsRunning;

    public int Warnings => daemon.Logs.Records.Count(r => r.Level >= LogLevel.Warning);

    public Task<(long Frames, long Dropped)> ReadFramesAsync() => Task.FromResult((daemon.Metrics.Frames, daemon.Metrics.Dropped));

    public ProcessFootprint Measure() => ProcessFootprint.MeasureSelf();

    public ValueTask DisposeAsync() => daemon.DisposeAsync();
}
