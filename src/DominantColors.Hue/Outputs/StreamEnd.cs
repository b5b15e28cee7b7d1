namespace DominantColors.Hue.Outputs;

/// <summary>Why a stream loop returned.</summary>
internal enum StreamEnd
{
    /// <summary>The bridge closed the session: start again.</summary>
    BridgeClosed,

    /// <summary>Colors stayed black long enough: release the area until they return.</summary>
    Paused,
}
