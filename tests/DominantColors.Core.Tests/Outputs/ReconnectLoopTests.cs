using DominantColors.Outputs;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Core.Tests.Outputs;

public sealed class ReconnectLoopTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RunAsync_ConnectFailsTwice_WaitsOutTheBackoffThenPumps()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var failures = new List<RetryFailure>();
        var backoff = new ReconnectBackoff(Second, TimeSpan.FromSeconds(30), time) { FirstFailure = failures.Add, RepeatedFailure = failures.Add };
        var connects = 0;
        var pumping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = new ReconnectLoop(
            backoff,
            _ => Interlocked.Increment(ref connects) <= 2 ? Task.FromException(new IOException("refused")) : Task.CompletedTask,
            ct => PumpUntilStoppedAsync(pumping, ct));
        using var stop = new CancellationTokenSource();

        var run = loop.RunAsync(stop.Token);
        await StepUntilAsync(time, pumping.Task);

        Assert.Equal(3, Volatile.Read(ref connects));
        Assert.Equal([1.0, 2.0], failures.Select(f => f.Delay.TotalSeconds));
        Assert.True(time.GetUtcNow() - start >= TimeSpan.FromSeconds(3), "the loop did not wait between attempts");
        Assert.False(backoff.IsBackingOff);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Guard));
    }

    [Fact]
    public async Task RunAsync_PumpLost_ReportsTheLossAndReconnectsAtOnce()
    {
        var time = new FakeTimeProvider();
        var failures = new List<RetryFailure>();
        var backoff = new ReconnectBackoff(Second, TimeSpan.FromSeconds(30), time) { FirstFailure = failures.Add };
        var lost = new List<Exception>();
        var connects = 0;
        var pumps = 0;
        var pumping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = new ReconnectLoop(
            backoff,
            _ =>
            {
                Interlocked.Increment(ref connects);
                return Task.CompletedTask;
            },
            ct => Interlocked.Increment(ref pumps) == 1 ? Task.FromException(new IOException("broker gone")) : PumpUntilStoppedAsync(pumping, ct))
        {
            Lost = lost.Add,
        };
        using var stop = new CancellationTokenSource();

        var run = loop.RunAsync(stop.Token);
        await pumping.Task.WaitAsync(Guard);

        Assert.Equal(2, Volatile.Read(ref connects));
        Assert.Equal("broker gone", Assert.Single(lost).Message);
        Assert.Empty(failures);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Guard));
    }

    [Fact]
    public async Task RunAsync_SendsFailWithBackOffAfterLoss_WaitsLogsOnceAndReportsTheRecovery()
    {
        var time = new FakeTimeProvider();
        var first = new List<RetryFailure>();
        var recovered = new List<int>();
        var backoff = new ReconnectBackoff(Second, TimeSpan.FromSeconds(30), time)
        {
            FirstFailure = first.Add,
            Recovered = recovered.Add,
        };
        var pumps = 0;
        var pumping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = new ReconnectLoop(
            backoff,
            _ => Task.CompletedTask,
            ct =>
            {
                if (Interlocked.Increment(ref pumps) <= 2)
                {
                    return Task.FromException(new IOException("port unreachable"));
                }

                // A send went through: the pump itself ends the episode.
                backoff.Succeed();
                return PumpUntilStoppedAsync(pumping, ct);
            })
        {
            BackOffAfterLoss = true,
        };
        using var stop = new CancellationTokenSource();

        var run = loop.RunAsync(stop.Token);
        await StepUntilAsync(time, pumping.Task);

        Assert.Equal(3, Volatile.Read(ref pumps));
        Assert.Equal("port unreachable", Assert.Single(first).Reason);
        Assert.Equal([2], recovered);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Guard));
    }

    [Fact]
    public async Task RunAsync_FaultItDoesNotKnow_EscapesToTheCaller()
    {
        var backoff = new ReconnectBackoff(Second, TimeSpan.FromSeconds(30), new FakeTimeProvider());
        var loop = new ReconnectLoop(backoff, _ => Task.FromException(new InvalidOperationException("bug")), _ => Task.CompletedTask)
        {
            IsFault = static ex => ex is IOException,
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => loop.RunAsync(CancellationToken.None).WaitAsync(Guard));

        Assert.Equal("bug", error.Message);
        Assert.False(backoff.IsBackingOff);
    }

    [Fact]
    public async Task RunAsync_StoppedWhileWaitingToReconnect_EndsWithOperationCanceled()
    {
        var backoff = new ReconnectBackoff(Second, TimeSpan.FromSeconds(30), new FakeTimeProvider());
        var loop = new ReconnectLoop(backoff, _ => Task.FromException(new IOException("refused")), _ => Task.CompletedTask);
        using var stop = new CancellationTokenSource();

        var run = loop.RunAsync(stop.Token);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Guard));
        Assert.Equal(1, backoff.Failures);
    }

    private static async Task PumpUntilStoppedAsync(TaskCompletionSource pumping, CancellationToken cancellationToken)
    {
        pumping.TrySetResult();
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
    }

    /// <summary>Moves fake time on in small steps until <paramref name="until"/> completes (the loop waits on that time).</summary>
    private static async Task StepUntilAsync(FakeTimeProvider time, Task until)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (!until.IsCompleted)
        {
            guard.Token.ThrowIfCancellationRequested();
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(until, Task.Delay(5, guard.Token));
        }
    }
}
