namespace DominantColors.Mqtt.Wled;

/// <summary>A region of the picture in fractions of its width and height, origin at the top left.</summary>
public readonly record struct NormalizedRect(float X, float Y, float Width, float Height);
