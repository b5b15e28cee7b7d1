using System.Runtime.CompilerServices;

namespace DominantColors.Outputs;

/// <summary>Waiting on a <see cref="LightFeed"/> with a deadline, for sinks that also have something due (rate, keep-alive).</summary>
public static class FeedWait
{
    /// <summary>
    /// Returns when colors newer than <paramref name="seen"/> arrive or <paramref name="delay"/> has passed on
    /// <paramref name="time"/>; throws if <paramref name="abort"/> or <paramref name="cancellationToken"/> fires first.
    /// Without an <paramref name="abort"/> token it allocates nothing once warm (the feed's reused waiter and timer, a
    /// pooled state machine).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public static async ValueTask NewerOrDueAsync(
        LightFeed feed,
        long seen,
        TimeSpan delay,
        TimeProvider time,
        CancellationToken abort,
        CancellationToken cancellationToken)
    {
        if (delay != Timeout.InfiniteTimeSpan && delay <= TimeSpan.Zero)
        {
            return;
        }

        if (!abort.CanBeCanceled)
        {
            // The feed's own deadline: no timer or token source per wait.
            await feed.WaitForNewerAsync(seen, delay, time, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(abort, cancellationToken);
        await feed.WaitForNewerAsync(seen, delay, time, linked.Token).ConfigureAwait(false);
    }
}
