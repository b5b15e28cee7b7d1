using DominantColors.Hue.Colors;

namespace DominantColors.Hue.Bridge;

/// <summary>
/// A light as the bridge reports it: its id (the CLIP v2 UUID, or the v1 number on a bridge without v2), its v1 id
/// when known, its name, its own gamut and its current state (brightness 0 to 100 %).
/// </summary>
public sealed record HueLight(string Id, string? V1Id, string Name, ColorGamut Gamut, string GamutType, bool On, double Brightness, CieXy? Xy)
{
    /// <summary>True when <paramref name="reference"/> (a config value) names this light: id, v1 id or name.</summary>
    public bool Matches(string reference) =>
        string.Equals(Id, reference, StringComparison.OrdinalIgnoreCase)
        || string.Equals(V1Id, reference, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Name, reference, StringComparison.OrdinalIgnoreCase);
}
