namespace DominantColors.Smoothing;

/// <summary>
/// How strongly lights follow the picture, named like Hue Sync's intensities: subtle is slow and calm,
/// intense is fast and dramatic. The time constants are in <see cref="SmoothingSettings.TimeConstantOf"/>.
/// </summary>
public enum SmoothingPreset
{
    /// <summary>No smoothing: colors pass straight through (no dead-band either).</summary>
    None,

    Subtle,

    Moderate,

    High,

    Intense,
}
