namespace DominantColors.Hue.Bridge;

/// <summary>The bridge refused or failed a request; the message names the bridge, the request and the reason.</summary>
public class HueBridgeException : Exception
{
    public HueBridgeException()
    {
    }

    public HueBridgeException(string message)
        : base(message)
    {
    }

    public HueBridgeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HueBridgeException(string message, int statusCode)
        : base(message) => StatusCode = statusCode;

    /// <summary>The HTTP status, when the failure had one.</summary>
    public int? StatusCode { get; }
}
