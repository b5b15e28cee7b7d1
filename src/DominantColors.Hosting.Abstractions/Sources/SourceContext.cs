using Microsoft.Extensions.Logging;

namespace DominantColors.Sources;

/// <summary>What a factory gets to build the frame source.</summary>
public sealed class SourceContext
{
    /// <summary>The analysis size: every frame the source yields has exactly this width (config <c>analysis.width</c>).</summary>
    public required int FrameWidth { get; init; }

    /// <summary>The analysis height (config <c>analysis.height</c>).</summary>
    public required int FrameHeight { get; init; }

    public required ILoggerFactory LoggerFactory { get; init; }

    public required TimeProvider TimeProvider { get; init; }

    /// <summary>Where state lives (systemd's <c>StateDirectory</c>, <c>$STATE_DIRECTORY</c>).</summary>
    public required string StateDirectory { get; init; }
}
