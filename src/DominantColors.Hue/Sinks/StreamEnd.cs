namespace DominantColors.Hue.Sinks;

/// <summary>Why a stream loop returned.</summary>
internal enum StreamEnd
{
    /// <summary>The bridge closed the session: start again.</summary>
    BridgeClosed,

    /// <summary>Colors stayed black long enough: release the area until they return.</summary>
    Paused,

    /// <summary>The bridge says the area is inactive or streamed to by another application: start again.</summary>
    StatusLost,

    /// <summary>The stream thread was told to stop (shutdown, or the status watch ended the stream).</summary>
    Stopped,
}
