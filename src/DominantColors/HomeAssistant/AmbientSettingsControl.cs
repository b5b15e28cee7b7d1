using DominantColors.Control;
using DominantColors.Mqtt.HomeAssistant;
using DominantColors.Options;

namespace DominantColors.HomeAssistant;

/// <summary>Applies Home Assistant's (already validated) commands to the daemon's one <see cref="AmbientSettings"/>.</summary>
internal sealed class AmbientSettingsControl : IAmbientControl
{
    private readonly AmbientSettings _settings;

    public AmbientSettingsControl(AmbientSettings settings) => _settings = settings;

    public void SetEnabled(bool enabled) => _settings.Enabled = enabled;

    public void SetBrightness(double brightness) => _settings.Brightness = brightness;

    public void SetSmoothing(SmoothingLevel level) => _settings.Intensity = ToIntensity(level);

    public static SmoothingIntensity ToIntensity(SmoothingLevel level) => level switch
    {
        SmoothingLevel.None => SmoothingIntensity.None,
        SmoothingLevel.Subtle => SmoothingIntensity.Subtle,
        SmoothingLevel.Moderate => SmoothingIntensity.Moderate,
        SmoothingLevel.High => SmoothingIntensity.High,
        SmoothingLevel.Intense => SmoothingIntensity.Intense,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a smoothing level"),
    };

    public static SmoothingLevel ToLevel(SmoothingIntensity intensity) => intensity switch
    {
        SmoothingIntensity.None => SmoothingLevel.None,
        SmoothingIntensity.Subtle => SmoothingLevel.Subtle,
        SmoothingIntensity.Moderate => SmoothingLevel.Moderate,
        SmoothingIntensity.High => SmoothingLevel.High,
        SmoothingIntensity.Intense => SmoothingLevel.Intense,
        _ => throw new ArgumentOutOfRangeException(nameof(intensity), intensity, "not a smoothing intensity"),
    };
}
