using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Sources.Tests.Fakes;

/// <summary>
/// Fake time that also counts the timers created on it, so a test can await the next one. Code that arms a new timer
/// after handling each tick (a watchdog loop) has then finished handling the tick before it: the test knows the code
/// looked at the clock without sleeping to give it the chance.
/// </summary>
public sealed class TimerCountingTimeProvider : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private int _created;

    public int TimersCreated
    {
        get
        {
            lock (_gate)
            {
                return _created;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        List<TaskCompletionSource> reached = [];
        lock (_gate)
        {
            _created++;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Count <= _created)
                {
                    reached.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var done in reached)
        {
            done.TrySetResult();
        }

        return timer;
    }

    /// <summary>Completes once at least <paramref name="count"/> timers were created, or fails after the timeout.</summary>
    public Task WaitForTimersAsync(int count, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_created >= count)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((count, done));
        }

        return done.Task.WaitAsync(timeout);
    }
}
