using DominantColors.Leds.Streaming;
using DominantColors.Outputs;
using Microsoft.Extensions.Logging.Abstractions;

namespace DominantColors.Leds.Tests.Fakes;

/// <summary>
/// An LED sink running on its own feed against a peer, as the daemon runs it: colors go in through <see cref="Feed"/>,
/// and <see cref="StopAndRestoreAsync"/> stops it the way the daemon does (the run cancelled, then the device put back).
/// </summary>
internal sealed class RunningStrip : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    private RunningStrip(LedSink sink)
    {
        Sink = sink;
        Feed = new LightFeed(sink.Lights);
        _run = sink.RunAsync(Feed, _stop.Token);
    }

    public LedSink Sink { get; }

    public LightFeed Feed { get; }

    /// <summary>Starts a sink named after <paramref name="options"/> (whose name the test has set), retrying after 1 s.</summary>
    public static RunningStrip Start(string type, LedStripOptions options, ILedTransport transport, TimeSpan keepAlive) =>
        new(new LedSink($"{type}:{options.Name}", options, transport, keepAlive, TimeProvider.System, NullLogger.Instance, TimeSpan.FromSeconds(1)));

    /// <summary>Cancels the run, which ends cancelled, then lets the sink leave the device as it does on stop.</summary>
    public async Task StopAndRestoreAsync()
    {
        await _stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _run);
        await Sink.RestoreAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
            await _run.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        Feed.Dispose();
        await Sink.DisposeAsync();
        _stop.Dispose();
    }
}
