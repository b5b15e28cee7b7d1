namespace DominantColors.Sources.Hyperion;

/// <summary>
/// Hyperion's priority rule over the connected senders: among those with input standing, the lowest priority number
/// wins; of equal priorities the latest registered. A sender counts only after Register and while its last image or
/// colour lasts (its <c>duration</c>, or until cleared). Thread-safe; allocation-free but for adding senders.
/// </summary>
internal sealed class HyperionPriorityTable
{
    private readonly Lock _gate = new();
    private readonly List<HyperionSender> _senders = [];
    private long _registrations;

    public void Add(HyperionSender sender)
    {
        lock (_gate)
        {
            _senders.Add(sender);
        }
    }

    /// <summary>The sender has gone (closed, timed out, refused): its priority is cleared.</summary>
    public void Remove(HyperionSender sender)
    {
        lock (_gate)
        {
            _senders.Remove(sender);
        }
    }

    public void Register(HyperionSender sender, int priority, string origin)
    {
        lock (_gate)
        {
            sender.Priority = priority;
            sender.Origin = origin;
            sender.Registration = ++_registrations;
            sender.HasInput = false;
        }
    }

    /// <summary>
    /// Records an image or colour from <paramref name="sender"/> lasting <paramref name="durationMs"/> (-1 = until cleared)
    /// and says whether the sender now wins, i.e. whether its picture should reach the analysis.
    /// </summary>
    public bool Input(HyperionSender sender, int durationMs, long now, TimeProvider time)
    {
        lock (_gate)
        {
            sender.HasInput = true;
            sender.InputUntil = durationMs < 0 ? long.MaxValue : now + (long)(durationMs / 1000.0 * time.TimestampFrequency);
            return ReferenceEquals(WinnerLocked(now), sender);
        }
    }

    /// <summary>Hyperion's Clear: the input at <paramref name="priority"/> ends (-1: every input).</summary>
    public void Clear(int priority)
    {
        lock (_gate)
        {
            foreach (var sender in _senders)
            {
                if (priority < 0 || sender.Priority == priority)
                {
                    sender.HasInput = false;
                }
            }
        }
    }

    /// <summary>The sender whose pictures reach the analysis now, if any.</summary>
    public HyperionSender? Winner(long now)
    {
        lock (_gate)
        {
            return WinnerLocked(now);
        }
    }

    private HyperionSender? WinnerLocked(long now)
    {
        HyperionSender? winner = null;
        foreach (var sender in _senders)
        {
            if (sender.Priority < 0 || !sender.HasInput || sender.InputUntil <= now)
            {
                continue;
            }

            if (winner is null || sender.Priority < winner.Priority
                || (sender.Priority == winner.Priority && sender.Registration > winner.Registration))
            {
                winner = sender;
            }
        }

        return winner;
    }
}
