namespace DominantColors.Mqtt.Presets;

/// <summary>A value a user payload template can name in braces, e.g. <c>{hex}</c>.</summary>
internal enum TemplatePlaceholder
{
    /// <summary>Not a placeholder: the segment is literal text.</summary>
    None,

    /// <summary><c>#RRGGBB</c>.</summary>
    Hex,

    /// <summary>Red 0-255.</summary>
    R,

    /// <summary>Green 0-255.</summary>
    G,

    /// <summary>Blue 0-255.</summary>
    B,

    /// <summary>CIE 1931 x, four decimals.</summary>
    X,

    /// <summary>CIE 1931 y, four decimals.</summary>
    Y,

    /// <summary>The brightest channel, 0-255.</summary>
    Brightness,

    /// <summary>The configured transition in seconds.</summary>
    Transition,
}
