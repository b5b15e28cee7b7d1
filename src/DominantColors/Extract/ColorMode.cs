namespace DominantColors.Extract;

/// <summary>Whether text output draws color swatches with 24-bit ANSI escapes.</summary>
internal enum ColorMode
{
    /// <summary>When stdout is a terminal that says it supports 24-bit color, and NO_COLOR is not set.</summary>
    Auto,

    Always,

    Never,
}
