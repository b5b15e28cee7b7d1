namespace DominantColors.Options;

/// <summary>How slowly the lights follow the picture, like Hue Sync's intensity levels.</summary>
internal enum SmoothingIntensity
{
    /// <summary>Colors change as soon as the picture does.</summary>
    None,

    Subtle,

    Moderate,

    High,

    Intense,
}
