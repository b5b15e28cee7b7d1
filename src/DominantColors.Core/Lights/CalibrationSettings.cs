namespace DominantColors.Lights;

/// <summary>How <see cref="Calibration"/> adapts picked colors to the lights. The defaults change nothing.</summary>
public sealed record CalibrationSettings
{
    /// <summary>Scales all light (linear, 0..1): 0.5 gives half the light, so nothing is ever brighter than this.</summary>
    public float Brightness { get; init; } = 1f;

    /// <summary>
    /// Colors with any light in them are lifted to at least this much light (linear, 0..1, of the brightest
    /// channel), keeping their hue, so dark scenes do not switch the lights off. Exact black stays black.
    /// </summary>
    public float MinimumBrightness { get; init; }

    /// <summary>Output gamma for the lights' own response: 8-bit out = 255 * (encoded / 255)^gamma; 1 changes nothing.</summary>
    public float Gamma { get; init; } = 1f;

    /// <summary>Scales chroma in OKLab (hue and lightness kept): 0 is grey, 1 unchanged, above 1 more vivid.</summary>
    public float Saturation { get; init; } = 1f;

    /// <summary>
    /// White point as a color temperature in kelvin (1667..25000): 6500 (D65, the sRGB white) changes nothing,
    /// lower is warmer. Null leaves the white point alone.
    /// </summary>
    public float? WhiteTemperature { get; init; }

    /// <summary>Linear gain per channel (0..1), multiplied with the temperature's gains; for lights with a tint.</summary>
    public float RedGain { get; init; } = 1f;

    public float GreenGain { get; init; } = 1f;

    public float BlueGain { get; init; } = 1f;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        Require(Brightness is >= 0f and <= 1f, nameof(Brightness), "in 0..1", Brightness);
        Require(MinimumBrightness is >= 0f and <= 1f, nameof(MinimumBrightness), "in 0..1", MinimumBrightness);
        Require(MinimumBrightness <= Brightness, nameof(MinimumBrightness), "at most Brightness", MinimumBrightness);
        Require(Gamma is >= 0.1f and <= 10f, nameof(Gamma), "in 0.1..10", Gamma);
        Require(Saturation is >= 0f and <= 4f, nameof(Saturation), "in 0..4", Saturation);
        Require(WhiteTemperature is null or (>= 1667f and <= 25000f), nameof(WhiteTemperature), "in 1667..25000 K", WhiteTemperature ?? 0f);
        Require(RedGain is >= 0f and <= 1f, nameof(RedGain), "in 0..1", RedGain);
        Require(GreenGain is >= 0f and <= 1f, nameof(GreenGain), "in 0..1", GreenGain);
        Require(BlueGain is >= 0f and <= 1f, nameof(BlueGain), "in 0..1", BlueGain);
    }

    private static void Require(bool ok, string name, string allowed, float value)
    {
        if (!ok)
        {
            throw new ArgumentException(FormattableString.Invariant($"Calibration {name} must be {allowed}, got {value}."), name);
        }
    }
}
