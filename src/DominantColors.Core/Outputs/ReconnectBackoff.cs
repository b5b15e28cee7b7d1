namespace DominantColors.Outputs;

/// <summary>
/// The one retry primitive of the daemon: exponential backoff on a <see cref="TimeProvider"/> (the first delay,
/// doubling up to a cap, each optionally spread by ±<c>jitter</c> so many clients do not retry in step), and the
/// bookkeeping of a fault episode, so that it is logged once: <see cref="FirstFailure"/> reports the first failure
/// with the delay before the next attempt, <see cref="RepeatedFailure"/> the later ones (for Debug lines), and
/// <see cref="Recovered"/> the success that ends the episode with the number of failed attempts. One loop owns an
/// instance; it is not thread-safe.
/// </summary>
public sealed class ReconnectBackoff
{
    /// <summary>The spread of the network outputs' delays (±20 %).</summary>
    public const double NetworkJitter = 0.2;

    /// <summary>The longest wait between attempts, unless the options say otherwise.</summary>
    public static readonly TimeSpan DefaultMax = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _first;
    private readonly TimeSpan _max;
    private readonly TimeProvider _time;
    private readonly double _jitter;
    private TimeSpan _next;

    /// <summary>
    /// <paramref name="first"/>: the delay after the first failure of an episode; it doubles up to
    /// <paramref name="max"/>. <paramref name="jitter"/>: the fraction (0 to 1) each delay is spread by at random.
    /// </summary>
    public ReconnectBackoff(TimeSpan first, TimeSpan max, TimeProvider time, double jitter = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(first, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, first);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jitter, 1);
        _first = first;
        _max = max;
        _time = time;
        _jitter = jitter;
        _next = first;
    }

    /// <summary>Called at the first failure of an episode, with the delay before the next attempt.</summary>
    public Action<RetryFailure>? FirstFailure { get; init; }

    /// <summary>Called at each later failure of the same episode.</summary>
    public Action<RetryFailure>? RepeatedFailure { get; init; }

    /// <summary>Called by <see cref="Succeed"/> when it ends an episode, with the number of failed attempts.</summary>
    public Action<int>? Recovered { get; init; }

    /// <summary>Failed attempts since the last success or <see cref="Reset"/>.</summary>
    public int Failures { get; private set; }

    /// <summary>True once at least one failure happened since the last success or <see cref="Reset"/>.</summary>
    public bool IsBackingOff => Failures > 0;

    /// <summary>Counts a failed attempt, reports it to the hooks and returns the wait before the next attempt.</summary>
    public TimeSpan Fail(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Fail(error.Message, error);
    }

    /// <summary>
    /// Counts a failed attempt, reports it to the hooks and returns the wait before the next attempt:
    /// <paramref name="requested"/> when the peer named one (an HTTP <c>Retry-After</c>), else the next backoff delay
    /// (the delays grow either way).
    /// </summary>
    public TimeSpan Fail(string reason, Exception? error = null, TimeSpan? requested = null)
    {
        var computed = NextDelay();
        var delay = requested ?? computed;
        Failures++;
        var failure = new RetryFailure(reason, error, delay, Failures);
        (Failures == 1 ? FirstFailure : RepeatedFailure)?.Invoke(failure);
        return delay;
    }

    /// <summary><see cref="Fail(Exception)"/>, then waits the delay; false when <paramref name="cancellationToken"/> ended the wait.</summary>
    public Task<bool> FailAndWaitAsync(Exception error, CancellationToken cancellationToken) => WaitAsync(Fail(error), cancellationToken);

    /// <summary>Waits <paramref name="delay"/> on the backoff's clock; false when <paramref name="cancellationToken"/> ended the wait.</summary>
    public async Task<bool> WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>An attempt worked: ends the episode (reporting <see cref="Recovered"/> if there was one) and starts the delays over.</summary>
    public void Succeed()
    {
        if (Failures == 0)
        {
            return;
        }

        var failures = Failures;
        Reset();
        Recovered?.Invoke(failures);
    }

    /// <summary>Starts the delays over without reporting a recovery (e.g. after a long healthy run ended in a new fault).</summary>
    public void Reset()
    {
        Failures = 0;
        _next = _first;
    }

    private TimeSpan NextDelay()
    {
        var current = _next;
        _next = TimeSpan.FromTicks(Math.Min(_max.Ticks, _next.Ticks * 2));
        if (_jitter == 0)
        {
            return current;
        }

#pragma warning disable CA5394 // Jitter, not security.
        var spread = 1 - _jitter + (Random.Shared.NextDouble() * 2 * _jitter);
#pragma warning restore CA5394
        return TimeSpan.FromTicks((long)(current.Ticks * spread));
    }
}
