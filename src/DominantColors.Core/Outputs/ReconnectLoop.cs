namespace DominantColors.Outputs;

/// <summary>
/// The loop every output that keeps a connection runs (an MQTT client, a UDP stream, a serial port): connect, pump
/// until the connection fails, connect again. A failed connect waits out the <see cref="ReconnectBackoff"/>, which
/// logs the episode once through its hooks; a lost connection reconnects at once, or first waits out the backoff too
/// when <see cref="BackOffAfterLoss"/> is set (a UDP peer is only seen to be gone by a failing send). A fault that
/// <see cref="IsFault"/> does not know escapes to the runner above the output; stopping ends the loop with an
/// <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class ReconnectLoop
{
    private readonly ReconnectBackoff _backoff;
    private readonly Func<CancellationToken, Task> _connectAsync;
    private readonly Func<CancellationToken, Task> _pumpAsync;

    /// <summary>
    /// <paramref name="connectAsync"/> opens the connection and sets it up; <paramref name="pumpAsync"/> uses it until
    /// it fails (it returns only by throwing).
    /// </summary>
    public ReconnectLoop(ReconnectBackoff backoff, Func<CancellationToken, Task> connectAsync, Func<CancellationToken, Task> pumpAsync)
    {
        _backoff = backoff ?? throw new ArgumentNullException(nameof(backoff));
        _connectAsync = connectAsync ?? throw new ArgumentNullException(nameof(connectAsync));
        _pumpAsync = pumpAsync ?? throw new ArgumentNullException(nameof(pumpAsync));
    }

    /// <summary>The faults of the device this loop mends; any exception by default.</summary>
    public Func<Exception, bool> IsFault { get; init; } = static _ => true;

    /// <summary>Wait out the backoff after a lost connection as after a failed connect.</summary>
    public bool BackOffAfterLoss { get; init; }

    /// <summary>
    /// Called after each successful connect. Unless <see cref="BackOffAfterLoss"/> is set, a connect that works also
    /// ends the backoff's episode; otherwise the pump says when the device is back (<see cref="ReconnectBackoff.Succeed"/>).
    /// </summary>
    public Action? Connected { get; init; }

    /// <summary>Called at each failed connect, after the backoff's hooks have reported it and before the wait.</summary>
    public Action<Exception>? ConnectFailed { get; init; }

    /// <summary>Called when the pump fails (after the backoff's hooks, with <see cref="BackOffAfterLoss"/>), before reconnecting.</summary>
    public Action<Exception>? Lost { get; init; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _connectAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsFault(ex) && !cancellationToken.IsCancellationRequested)
            {
                var delay = _backoff.Fail(ex);
                ConnectFailed?.Invoke(ex);
                if (!await _backoff.WaitAsync(delay, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                continue;
            }

            if (!BackOffAfterLoss)
            {
                _backoff.Succeed();
            }

            Connected?.Invoke();
            try
            {
                await _pumpAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsFault(ex) && !cancellationToken.IsCancellationRequested)
            {
                var delay = BackOffAfterLoss ? _backoff.Fail(ex) : TimeSpan.Zero;
                Lost?.Invoke(ex);
                if (BackOffAfterLoss && !await _backoff.WaitAsync(delay, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // A client may report a publish cut short by stopping as a timeout; either way this is shutdown.
                break;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
