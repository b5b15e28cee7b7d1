namespace DominantColors.Testing;

/// <summary>
/// Lets tests wait on a fake's state: the fake calls <see cref="Signal"/> after every change, and a waiter takes the
/// pending change before it checks its condition, so a change that lands in between still wakes it.
/// </summary>
internal sealed class ChangeSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes every waiter, which then checks its condition again.</summary>
    public void Signal()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Waits until <paramref name="condition"/> holds, checking it now and after every change.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _next.Task;
            }

            if (condition())
            {
                return;
            }

            await changed.WaitAsync(cts.Token).ConfigureAwait(false);
        }
    }
}
