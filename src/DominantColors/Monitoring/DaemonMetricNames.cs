namespace DominantColors.Monitoring;

/// <summary>The instruments of <see cref="Pipeline.PipelineMetrics"/> that the status page reads.</summary>
internal static class DaemonMetricNames
{
    public const string Frames = "dominant_colors.frames";
    public const string DroppedFrames = "dominant_colors.frames.dropped";

    /// <summary>A histogram with a <c>stage</c> tag, in milliseconds.</summary>
    public const string StageDuration = "dominant_colors.stage.duration";
    public const string StageTag = "stage";

    /// <summary>From the source reading a frame to its colors reaching the sink feeds, in milliseconds.</summary>
    public const string FrameLatency = "dominant_colors.frame.latency";
}
