namespace DominantColors.Testing;

/// <summary>
/// What an operation allocates on the calling thread once it runs in its steady state. The count is the thread's own
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>), so tests running beside it are not counted. The operation
/// runs in rounds until one round allocates nothing: the runtime's own warm-up (tiered compilation replaces a method
/// after 30 calls and a background delay, and the switch can allocate once on the caller's thread) lands in one round
/// and not the next, while an allocation made on every call shows in every round.
/// </summary>
internal static class SteadyStateAllocation
{
    /// <summary>
    /// Runs <paramref name="step"/> in rounds of <paramref name="callsPerRound"/> calls, passing a call number that
    /// keeps counting across rounds (for timestamps that must move on), and returns the fewest bytes one round
    /// allocated: 0 once a round allocated nothing, which ends the run.
    /// </summary>
    public static long LeastPerRound(Action<int> step, int callsPerRound = 100, int rounds = 50)
    {
        ArgumentNullException.ThrowIfNull(step);
        var call = 0;
        var least = long.MaxValue;
        for (var round = 0; round < rounds && least > 0; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < callsPerRound; i++)
            {
                step(call++);
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
