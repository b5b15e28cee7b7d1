using DominantColors.Hue.Colors;

namespace DominantColors.Hue.Bridge;

/// <summary>
/// The attributes to change on one light; null means "leave as is" and is not sent. Brightness is 0 to 100 %;
/// <see cref="Duration"/> is the transition time.
/// </summary>
public readonly record struct LightCommand(bool? On, double? Brightness, CieXy? Xy, TimeSpan? Duration)
{
    public bool IsEmpty => On is null && Brightness is null && Xy is null;

    /// <summary>How many attributes (Zigbee messages) the command costs; the transition time is free.</summary>
    public int AttributeCount => (On is null ? 0 : 1) + (Brightness is null ? 0 : 1) + (Xy is null ? 0 : 1);
}
