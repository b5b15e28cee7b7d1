using System.Text.Json;

namespace DominantColors.Testing.Hue;

/// <summary>A light command the fake bridge accepted: when (fake bridge clock), which light, the JSON sent.</summary>
public sealed record RecordedLightCommand(TimeSpan At, string LightId, bool V1, JsonElement Body)
{
    public bool Has(string attribute) => Body.TryGetProperty(attribute, out _);
}
