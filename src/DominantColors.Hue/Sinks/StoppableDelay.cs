namespace DominantColors.Hue.Sinks;

/// <summary>The wait between attempts in a Hue sink's loop, which ends quietly when the daemon stops.</summary>
internal static class StoppableDelay
{
    /// <summary>Waits <paramref name="delay"/> on <paramref name="time"/>; false when stopping cut the wait short.</summary>
    public static async Task<bool> WaitAsync(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
