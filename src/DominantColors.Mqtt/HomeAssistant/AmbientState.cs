using DominantColors.Colors;

namespace DominantColors.Mqtt.HomeAssistant;

/// <summary>What Home Assistant shows: the controls' current values and two readings of the running pipeline.</summary>
public readonly record struct AmbientState(bool Enabled, double Brightness, SmoothingLevel Smoothing, Rgb24 DominantColor, double FramesPerSecond);
