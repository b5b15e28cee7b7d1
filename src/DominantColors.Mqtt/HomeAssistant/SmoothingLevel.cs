namespace DominantColors.Mqtt.HomeAssistant;

/// <summary>The smoothing intensities Home Assistant can choose; the names match the daemon's smoothing presets.</summary>
public enum SmoothingLevel
{
    None,
    Subtle,
    Moderate,
    High,
    Intense,
}
