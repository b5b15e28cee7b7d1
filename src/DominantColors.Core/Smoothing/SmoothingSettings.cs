namespace DominantColors.Smoothing;

/// <summary>How <see cref="Smoother"/> smooths: a preset (or an explicit time constant) and the dead-band.</summary>
public sealed record SmoothingSettings
{
    /// <summary>The names <see cref="TryParsePreset"/> accepts.</summary>
    public const string AllowedPresets = "none | subtle | moderate | high | intense";

    public SmoothingPreset Preset { get; init; } = SmoothingPreset.Moderate;

    /// <summary>Overrides the preset's time constant when set (ignored for <see cref="SmoothingPreset.None"/>).</summary>
    public TimeSpan? TimeConstant { get; init; }

    /// <summary>
    /// Target changes smaller than this OKLab distance are ignored, so k-means jitter in dark, noisy scenes does
    /// not make the lights flicker. 0.02 is about one just-noticeable difference. 0 turns it off.
    /// </summary>
    public float DeadBand { get; init; } = 0.02f;

    /// <summary>
    /// The time constant (63 % of a step) of each preset. Chosen so that 95 % of a step (three time constants)
    /// takes: subtle 1.8 s (a slow ambient drift that ignores cuts), moderate 0.9 s, high 0.45 s, and
    /// intense 0.18 s (about five frames at 30 fps: it follows cuts and flashes). None is zero: pass-through.
    /// </summary>
    public static TimeSpan TimeConstantOf(SmoothingPreset preset) => preset switch
    {
        SmoothingPreset.None => TimeSpan.Zero,
        SmoothingPreset.Subtle => TimeSpan.FromMilliseconds(600),
        SmoothingPreset.Moderate => TimeSpan.FromMilliseconds(300),
        SmoothingPreset.High => TimeSpan.FromMilliseconds(150),
        SmoothingPreset.Intense => TimeSpan.FromMilliseconds(60),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, $"Unknown smoothing preset; allowed: {AllowedPresets}."),
    };

    /// <summary>The time constant in effect: the override, or the preset's.</summary>
    public TimeSpan EffectiveTimeConstant => Preset == SmoothingPreset.None ? TimeSpan.Zero : TimeConstant ?? TimeConstantOf(Preset);

    /// <summary>Parses a preset name (case-insensitive); the error lists the allowed names.</summary>
    public static bool TryParsePreset(string? text, out SmoothingPreset preset, out string? error)
    {
        error = null;
        preset = SmoothingPreset.None;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "none":
                return true;
            case "subtle":
                preset = SmoothingPreset.Subtle;
                return true;
            case "moderate":
                preset = SmoothingPreset.Moderate;
                return true;
            case "high":
                preset = SmoothingPreset.High;
                return true;
            case "intense":
                preset = SmoothingPreset.Intense;
                return true;
            default:
                error = $"unknown smoothing intensity '{text}'; allowed: {AllowedPresets}";
                return false;
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Preset))
        {
            throw new ArgumentException($"Smoothing preset {Preset} is unknown; allowed: {AllowedPresets}.", nameof(Preset));
        }

        if (TimeConstant is { } tau && (tau < TimeSpan.Zero || tau > TimeSpan.FromMinutes(1)))
        {
            throw new ArgumentException($"Smoothing time constant must be in 0..60 s, got {tau}.", nameof(TimeConstant));
        }

        if (DeadBand is < 0f or > 1f || float.IsNaN(DeadBand))
        {
            throw new ArgumentException(FormattableString.Invariant($"Smoothing dead-band must be in 0..1 (OKLab distance), got {DeadBand}."), nameof(DeadBand));
        }
    }
}
