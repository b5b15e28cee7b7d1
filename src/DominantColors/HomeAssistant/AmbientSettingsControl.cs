using DominantColors.Control;
using DominantColors.Mqtt.HomeAssistant;
using DominantColors.Smoothing;

namespace DominantColors.HomeAssistant;

/// <summary>Applies Home Assistant's (already validated) commands to the daemon's one <see cref="AmbientSettings"/>.</summary>
internal sealed class AmbientSettingsControl : IAmbientControl
{
    private readonly AmbientSettings _settings;

    public AmbientSettingsControl(AmbientSettings settings) => _settings = settings;

    public void SetEnabled(bool enabled) => _settings.Enabled = enabled;

    public void SetBrightness(double brightness) => _settings.Brightness = brightness;

    public void SetSmoothing(SmoothingLevel level) => _settings.Intensity = ToIntensity(level);

    public static SmoothingPreset ToIntensity(SmoothingLevel level) => level switch
    {
        SmoothingLevel.None => SmoothingPreset.None,
        SmoothingLevel.Subtle => SmoothingPreset.Subtle,
        SmoothingLevel.Moderate => SmoothingPreset.Moderate,
        SmoothingLevel.High => SmoothingPreset.High,
        SmoothingLevel.Intense => SmoothingPreset.Intense,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a smoothing level"),
    };

    public static SmoothingLevel ToLevel(SmoothingPreset intensity) => intensity switch
    {
        SmoothingPreset.None => SmoothingLevel.None,
        SmoothingPreset.Subtle => SmoothingLevel.Subtle,
        SmoothingPreset.Moderate => SmoothingLevel.Moderate,
        SmoothingPreset.High => SmoothingLevel.High,
        SmoothingPreset.Intense => SmoothingLevel.Intense,
        _ => throw new ArgumentOutOfRangeException(nameof(intensity), intensity, "not a smoothing intensity"),
    };
}
