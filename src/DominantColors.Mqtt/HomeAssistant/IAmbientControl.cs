namespace DominantColors.Mqtt.HomeAssistant;

/// <summary>
/// Where validated Home Assistant commands go: the daemon implements it over its settings object. Called on the
/// MQTT client's thread, only with values already checked (brightness 0..1, a known smoothing level).
/// </summary>
public interface IAmbientControl
{
    void SetEnabled(bool enabled);

    /// <summary>Brightness as a fraction, 0..1.</summary>
    void SetBrightness(double brightness);

    void SetSmoothing(SmoothingLevel level);
}
