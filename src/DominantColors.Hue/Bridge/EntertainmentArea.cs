namespace DominantColors.Hue.Bridge;

/// <summary>An entertainment configuration: the lights an app may stream to, as numbered, placed channels.</summary>
public sealed record EntertainmentArea(
    string Id, string Name, string ConfigurationType, bool IsActive, string? ActiveStreamerId, IReadOnlyList<EntertainmentChannel> Channels)
{
    /// <summary>True when <paramref name="reference"/> (a config value) names this area: id or name.</summary>
    public bool Matches(string reference) =>
        string.Equals(Id, reference, StringComparison.OrdinalIgnoreCase) || string.Equals(Name, reference, StringComparison.OrdinalIgnoreCase);
}
