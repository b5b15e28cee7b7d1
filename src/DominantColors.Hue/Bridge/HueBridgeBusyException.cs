namespace DominantColors.Hue.Bridge;

/// <summary>The bridge is overloaded (HTTP 429 or 503, or v1 error 901): back off before the next command.</summary>
public sealed class HueBridgeBusyException : HueBridgeException
{
    public HueBridgeBusyException()
    {
    }

    public HueBridgeBusyException(string message)
        : base(message)
    {
    }

    public HueBridgeBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HueBridgeBusyException(string message, int statusCode, TimeSpan? retryAfter)
        : base(message, statusCode) => RetryAfter = retryAfter;

    /// <summary>The bridge's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }
}
