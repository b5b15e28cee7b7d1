namespace DominantColors.Web.StandIn;

/// <summary>The names of the daemon's instruments that the status page reads.</summary>
internal static class DaemonMetricNames
{
    public const string Frames = "dominantcolors.frames";
    public const string DroppedFrames = "dominantcolors.frames.dropped";

    /// <summary>A histogram with a <c>stage</c> tag, in seconds.</summary>
    public const string StageDuration = "dominantcolors.stage.duration";
    public const string StageTag = "stage";

    /// <summary>Counters with an <c>output</c> tag.</summary>
    public const string OutputErrors = "dominantcolors.output.errors";
    public const string OutputReconnects = "dominantcolors.output.reconnects";
    public const string OutputTag = "output";
}
