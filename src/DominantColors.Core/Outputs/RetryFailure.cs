namespace DominantColors.Outputs;

/// <summary>One failed attempt as <see cref="ReconnectBackoff"/> reports it to its hooks.</summary>
/// <param name="Reason">What went wrong, for the log line (an exception's message, or the adapter's own words).</param>
/// <param name="Error">The exception, when there was one.</param>
/// <param name="Delay">The wait before the next attempt.</param>
/// <param name="Attempt">Failed attempts in this episode, this one included (1 for the first).</param>
public readonly record struct RetryFailure(string Reason, Exception? Error, TimeSpan Delay, int Attempt);
