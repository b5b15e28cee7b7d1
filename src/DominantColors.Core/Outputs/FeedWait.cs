
namespace DominantColors.Outputs;

/// <summary>Waiting on a <see cref="LightFeed"/> with a deadline, for sinks that also have something due (rate, keep-alive).</summary>
public static class FeedWait
{
    /// <summary>
    /// Returns when colors newer than <paramref name="seen"/> arrive or <paramref name="delay"/> has passed on
    /// <paramref name="time"/>; throws if <paramref name="abort"/> or <paramref name="cancellationToken"/> fires first.
    /// </summary>
    public static async Task NewerOrDueAsync(
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

        using var timeout = new CancellationTokenSource(delay, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, abort, cancellationToken);
        try
        {
            await feed.WaitForNewerAsync(seen, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !abort.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Due.
        }
    }
}
